// Reads a nodemailer result or error as a delivery outcome: a 5xx reply is permanent, the rest is worth a retry.
import { delivered, failed, retry, type DeliveryOutcome } from '../delivery-outcome';

/** nodemailer errors that no retry can fix: bad configuration or a message the server can never take. */
const PERMANENT_CODES = new Set(['ECONFIG', 'EENVELOPE', 'EMAXRECIPIENTS', 'EREQUIRETLS', 'ENOAUTH']);
const MAX_REPLY_LENGTH = 200;

/** `250 2.0.0 Ok: queued` → delivered with 250. */
export function smtpDelivered(response: string | undefined): DeliveryOutcome {
  return delivered(replyCode(response) ?? undefined);
}

export function smtpErrorOutcome(error: unknown): DeliveryOutcome {
  const responseCode = numberField(error, 'responseCode');
  if (responseCode !== null) {
    const reply = clip(stringField(error, 'response') ?? stringField(error, 'message') ?? '');
    const text = reply.startsWith(String(responseCode)) ? `SMTP ${reply}` : `SMTP ${responseCode} ${reply}`;
    return responseCode >= 500 ? failed(text, responseCode) : retry(text, responseCode);
  }
  const code = stringField(error, 'code');
  const detail = clip(stringField(error, 'message') ?? String(error));
  const text = code ? `${code}: ${detail}` : detail;
  return code && PERMANENT_CODES.has(code) ? failed(text) : retry(text);
}

function replyCode(response: string | undefined): number | null {
  const match = response?.match(/^(\d{3})/);
  return match ? Number(match[1]) : null;
}

// Duck-typed: nodemailer's errors are plain Errors with extra fields, and may come from another realm under jest.
function numberField(error: unknown, name: string): number | null {
  const value = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
  return typeof value === 'number' && value > 0 ? value : null;
}

function stringField(error: unknown, name: string): string | null {
  const value = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : null;
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_REPLY_LENGTH ? `${oneLine.slice(0, MAX_REPLY_LENGTH - 1)}…` : oneLine;
}
