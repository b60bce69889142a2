// Secrets never reach a log line: recognised by their shape (webhook secrets, API keys, key hashes, sealed
// values, URL passwords) or by value (the operator's own keys), and errors are logged without their SQL parameters.

const REDACTED = '[REDACTED]';

const SECRET_SHAPES: [RegExp, string][] = [
  [/whsec_[A-Za-z0-9+/=]+/g, `whsec_${REDACTED}`],
  [/\bhw_[A-Za-z0-9_-]{16,}/g, `hw_${REDACTED}`],
  [/\bhwenc1:[A-Za-z0-9._:-]+/g, `hwenc1:${REDACTED}`],
  // SHA-256 hex digests: API key hashes.
  [/\b[0-9a-f]{64}\b/gi, REDACTED],
  // The password of a URL's credentials; the user name is kept, it helps to recognise the URL.
  [/([a-z][a-z0-9+.-]*:\/\/[^\s/:@"'\\]*):[^\s/@"'\\]*@/gi, `$1:${REDACTED}@`],
];

/** Error fields that carry the values a statement was run with, or the statement itself. */
const ERROR_FIELDS_NEVER_LOGGED = new Set(['parameters', 'query', 'driverError', 'sql', 'params', 'config', 'request', 'response']);

export type SecretRedactor = (text: string) => string;

/** Redacts by shape, and every known secret (at least 8 characters) by value, also inside JSON-escaped text. */
export function secretRedactor(knownSecrets: (string | null | undefined)[] = []): SecretRedactor {
  const literals = knownSecrets
    .filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8)
    .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]);
  return (text) => {
    let redacted = literals.reduce((current, secret) => current.split(secret).join(REDACTED), text);
    for (const [shape, replacement] of SECRET_SHAPES) redacted = redacted.replace(shape, replacement);
    return redacted;
  };
}

/**
 * An error as a log shows it: its type, message, code and stack, and database context without values.
 * Takes an Error, or the plain object pino's standard serializer already made of one.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const source = error as Record<string, unknown> & { message?: unknown; stack?: unknown; cause?: unknown };
  const fields: Record<string, unknown> = {
    type: error instanceof Error ? error.constructor.name : source.type,
    message: source.message,
    stack: source.stack,
  };
  for (const [key, value] of Object.entries(source)) {
    if (ERROR_FIELDS_NEVER_LOGGED.has(key) || key in fields || key === 'cause') continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  if (source.cause !== undefined) fields.cause = loggableError(source.cause);
  return fields;
}
