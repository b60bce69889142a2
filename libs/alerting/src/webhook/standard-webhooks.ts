// Standard Webhooks 1.0 symmetric signatures: HMAC-SHA256 over `id.timestamp.body`, base64, prefixed `v1,`.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
export const WEBHOOK_HEADERS = { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' } as const;
export const DEFAULT_TOLERANCE_SECONDS = 300;

const SIGNATURE_VERSION = 'v1';
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;

/** Node's IncomingHttpHeaders (lower-case names) or a fetch `Headers`. */
export type WebhookHeaderSource = Record<string, string | string[] | undefined> | { get(name: string): string | null };

export type WebhookVerification = { ok: true; id: string; timestampSeconds: number } | { ok: false; reason: string };

/** A new secret: `whsec_` + base64 of `byteLength` random bytes (24..64; default 32). */
export function generateWebhookSecret(byteLength = 32): string {
  if (!Number.isInteger(byteLength) || byteLength < MIN_SECRET_BYTES || byteLength > MAX_SECRET_BYTES) {
    throw new RangeError(`a webhook secret has ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} bytes, not ${byteLength}`);
  }
  return WEBHOOK_SECRET_PREFIX + randomBytes(byteLength).toString('base64');
}

/** The `webhook-signature` value for one attempt: `v1,<base64 HMAC>`. `body` must be the exact bytes sent. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string | Uint8Array): string {
  if (id.length === 0 || id.includes('.')) throw new RangeError(`a webhook id must be non-empty and contain no ".": ${JSON.stringify(id)}`);
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) throw new RangeError(`a webhook timestamp is whole seconds: ${timestampSeconds}`);
  return `${SIGNATURE_VERSION},${hmac(secret, id, String(timestampSeconds), body).toString('base64')}`;
}

/**
 * Checks a delivery the way a receiver should: all three headers present, timestamp within
 * `toleranceSeconds` of now (either side), and at least one of the space-separated `v1,` signatures
 * matching, compared in constant time.
 */
export function verifyWebhook(
  secret: string,
  headers: WebhookHeaderSource,
  body: string | Uint8Array,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
  nowSeconds = Math.floor(Date.now() / 1000),
): WebhookVerification {
  const id = header(headers, WEBHOOK_HEADERS.id);
  const timestamp = header(headers, WEBHOOK_HEADERS.timestamp);
  const signatures = header(headers, WEBHOOK_HEADERS.signature);
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'missing webhook-id, webhook-timestamp or webhook-signature header' };
  if (!/^\d{1,15}$/.test(timestamp)) return { ok: false, reason: `invalid webhook-timestamp ${JSON.stringify(timestamp)}` };
  const timestampSeconds = Number(timestamp);
  if (nowSeconds - timestampSeconds > toleranceSeconds) return { ok: false, reason: 'webhook-timestamp is too old' };
  if (timestampSeconds - nowSeconds > toleranceSeconds) return { ok: false, reason: 'webhook-timestamp is in the future' };
  const expected = Buffer.from(`${SIGNATURE_VERSION},${hmac(secret, id, timestamp, body).toString('base64')}`);
  const matches = signatures.split(' ').some((entry) => signatureMatches(entry, expected));
  return matches ? { ok: true, id, timestampSeconds } : { ok: false, reason: 'no matching signature' };
}

function hmac(secret: string, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.`).update(body).digest();
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new RangeError('a webhook secret must be base64 after its whsec_ prefix');
  return key;
}

/** Compares the encoded text, so only the canonical base64 of the right HMAC passes (no trailing junk, no `v1a,`). */
function signatureMatches(entry: string, expected: Buffer): boolean {
  const given = Buffer.from(entry);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function header(headers: WebhookHeaderSource, name: string): string | undefined {
  const value = isFetchHeaders(headers) ? headers.get(name) : headers[name];
  if (Array.isArray(value)) return value[0];
  return value ?? undefined;
}

function isFetchHeaders(headers: WebhookHeaderSource): headers is { get(name: string): string | null } {
  return typeof (headers as { get?: unknown }).get === 'function';
}
