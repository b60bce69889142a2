import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signWebhook, verifyWebhook } from './standard-webhooks';

// The symmetric test vector published with the Standard Webhooks reference libraries.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

const NOW = 1_763_769_600;

function headersFor(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(secret, id, timestamp, body) };
}

describe('generateWebhookSecret', () => {
  it('is whsec_ followed by the base64 of 32 random bytes by default', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
  });

  it('never repeats itself', () => {
    expect(generateWebhookSecret()).not.toBe(generateWebhookSecret());
  });

  it.each([23, 65, 24.5])('refuses %p bytes, outside the 24..64 the spec allows', (bytes) => {
    expect(() => generateWebhookSecret(bytes)).toThrow(RangeError);
  });
});

describe('signWebhook', () => {
  it('reproduces the published Standard Webhooks test vector', () => {
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('is v1, plus base64 HMAC-SHA256 keyed by the decoded secret over id.timestamp.body', () => {
    const secret = generateWebhookSecret(24);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const body = '{"type":"test","data":{"naïve":"ü"}}';
    const expected = createHmac('sha256', key).update(`evt-1.${NOW}.${body}`, 'utf8').digest('base64');
    expect(signWebhook(secret, 'evt-1', NOW, body)).toBe(`v1,${expected}`);
    expect(signWebhook(secret, 'evt-1', NOW, Buffer.from(body))).toBe(`v1,${expected}`);
  });

  it('refuses ids with a dot, which would make id.timestamp.body ambiguous', () => {
    expect(() => signWebhook(VECTOR.secret, 'a.b', NOW, '{}')).toThrow(RangeError);
  });

  it('refuses timestamps that are not whole seconds', () => {
    expect(() => signWebhook(VECTOR.secret, 'evt-1', 1.5, '{}')).toThrow(RangeError);
  });
});

describe('verifyWebhook', () => {
  const secret = generateWebhookSecret();
  const body = '{"type":"incident.opened"}';

  it('accepts the published vector at its own time', () => {
    const headers = { 'webhook-id': VECTOR.id, 'webhook-timestamp': String(VECTOR.timestamp), 'webhook-signature': VECTOR.signature };
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, 300, VECTOR.timestamp)).toEqual({ ok: true, id: VECTOR.id, timestampSeconds: VECTOR.timestamp });
  });

  it('accepts a body given as bytes and fetch-style Headers', () => {
    const headers = new Headers(headersFor(secret, 'evt-1', NOW, body));
    expect(verifyWebhook(secret, headers, Buffer.from(body), 300, NOW).ok).toBe(true);
  });

  it.each([
    ['a tampered body', (h: Record<string, string>) => ({ headers: h, body: body.replace('opened', 'resolved') })],
    ['a different id', (h: Record<string, string>) => ({ headers: { ...h, 'webhook-id': 'evt-2' }, body })],
    ['a shifted timestamp', (h: Record<string, string>) => ({ headers: { ...h, 'webhook-timestamp': String(NOW + 1) }, body })],
    ['another secret', (h: Record<string, string>) => ({ headers: { ...h, 'webhook-signature': signWebhook(generateWebhookSecret(), 'evt-1', NOW, body) }, body })],
    ['a v1a (ed25519) label', (h: Record<string, string>) => ({ headers: { ...h, 'webhook-signature': h['webhook-signature'].replace('v1,', 'v1a,') }, body })],
    ['junk after the signature', (h: Record<string, string>) => ({ headers: { ...h, 'webhook-signature': `${h['webhook-signature']}AA` }, body })],
  ])('rejects %s', (_name, tamper) => {
    const { headers, body: sent } = tamper(headersFor(secret, 'evt-1', NOW, body));
    expect(verifyWebhook(secret, headers, sent, 300, NOW)).toEqual({ ok: false, reason: 'no matching signature' });
  });

  it('accepts when any of several space-separated signatures matches (secret rotation)', () => {
    const headers = headersFor(secret, 'evt-1', NOW, body);
    const old = signWebhook(generateWebhookSecret(), 'evt-1', NOW, body);
    headers['webhook-signature'] = `${old} ${headers['webhook-signature']}`;
    expect(verifyWebhook(secret, headers, body, 300, NOW).ok).toBe(true);
  });

  it('rejects a timestamp older than the tolerance and accepts one just inside it', () => {
    const headers = headersFor(secret, 'evt-1', NOW - 301, body);
    expect(verifyWebhook(secret, headers, body, 300, NOW)).toEqual({ ok: false, reason: 'webhook-timestamp is too old' });
    expect(verifyWebhook(secret, headers, body, 300, NOW - 1).ok).toBe(true);
  });

  it('rejects a timestamp too far in the future', () => {
    const headers = headersFor(secret, 'evt-1', NOW + 301, body);
    expect(verifyWebhook(secret, headers, body, 300, NOW)).toEqual({ ok: false, reason: 'webhook-timestamp is in the future' });
  });

  it.each([
    ['no id', { 'webhook-id': undefined }],
    ['no signature', { 'webhook-signature': undefined }],
    ['a non-numeric timestamp', { 'webhook-timestamp': '17637696e2' }],
  ])('rejects a delivery with %s', (_name, change) => {
    const headers = { ...headersFor(secret, 'evt-1', NOW, body), ...change };
    expect(verifyWebhook(secret, headers, body, 300, NOW).ok).toBe(false);
  });
});
