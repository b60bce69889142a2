// The receiver-side check printed in the README, kept here verbatim so it stays true: an independent
// implementation with node:crypto only must accept what hopwatch sends and refuse a tampered body.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { anAlertMessage } from '../../test-support/alert-message.factory';
import { generateWebhookSecret, signWebhook } from './standard-webhooks';
import { webhookBody } from './webhook-payload';

// --- README snippet ---
function verifyHopwatchWebhook(secret: string, headers: Record<string, string | undefined>, body: Buffer, toleranceSeconds = 300): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !/^\d+$/.test(timestamp) || !signatures) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from(`v1,${createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64')}`);
  return signatures.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
// --- end of README snippet ---

describe('the README receiver snippet', () => {
  const secret = generateWebhookSecret();
  const message = anAlertMessage();
  const body = webhookBody(message);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = { 'webhook-id': message.id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(secret, message.id, timestamp, body) };

  it('accepts what hopwatch signs', () => {
    expect(verifyHopwatchWebhook(secret, headers, body)).toBe(true);
  });

  it('refuses a tampered body, another secret and an old timestamp', () => {
    expect(verifyHopwatchWebhook(secret, headers, Buffer.from(body.toString().replace('origin_down', 'origin_error')))).toBe(false);
    expect(verifyHopwatchWebhook(generateWebhookSecret(), headers, body)).toBe(false);
    const old = timestamp - 600;
    expect(verifyHopwatchWebhook(secret, { ...headers, 'webhook-timestamp': String(old), 'webhook-signature': signWebhook(secret, message.id, old, body) }, body)).toBe(false);
  });
});
