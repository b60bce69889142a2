import { loggableError, secretRedactor } from './log-redaction';

const hash = 'a'.repeat(24) + '0123456789abcdef0123456789abcdef01234567';

describe('secretRedactor', () => {
  const redact = secretRedactor(['operator chosen admin key!', null]);

  it.each([
    ['a webhook secret', 'secret whsec_c2VjcmV0K2J5dGVz/w== failed', 'secret whsec_[REDACTED] failed'],
    ['a generated API key', 'key hw_AbCdEf0123456789_-xyzXYZ in use', 'key hw_[REDACTED] in use'],
    ['a sealed value', 'value hwenc1:k1a2b3:aaaa.bbbb.cccc', 'value hwenc1:[REDACTED]'],
    ['an API key hash', `Key (key_hash)=(${hash}) already exists`, 'Key (key_hash)=([REDACTED]) already exists'],
    ['a URL password', 'GET https://user:hunter2@example.com/x', 'GET https://user:[REDACTED]@example.com/x'],
    ['a URL password with no user', 'smtp://:pw@mail:25', 'smtp://:[REDACTED]@mail:25'],
    ['a known secret by value', 'auth with operator chosen admin key! failed', 'auth with [REDACTED] failed'],
    ['a known secret inside JSON', JSON.stringify({ a: 'x"operator chosen admin key!' }), JSON.stringify({ a: 'x"[REDACTED]' })],
    ['text without secrets', 'site shop is down: ECONNREFUSED 10.0.0.1:443', 'site shop is down: ECONNREFUSED 10.0.0.1:443'],
    ['a URL without credentials', 'https://example.com:8443/path@x', 'https://example.com:8443/path@x'],
  ])('redacts %s', (_label, text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});

describe('loggableError', () => {
  it('keeps type, message and database context, drops the statement and its parameters', () => {
    const error = Object.assign(new Error('duplicate key'), {
      query: 'INSERT INTO "alert_channels" VALUES ($1, $2)',
      parameters: ['on-call', 'whsec_c2VjcmV0'],
      driverError: { parameters: ['whsec_c2VjcmV0'] },
      code: '23505',
      constraint: 'UQ_name',
      table: 'alert_channels',
    });
    const logged = loggableError(error);
    expect(logged).toMatchObject({ type: 'Error', message: 'duplicate key', code: '23505', constraint: 'UQ_name', table: 'alert_channels' });
    expect(JSON.stringify(logged)).not.toContain('whsec_');
    expect(logged).not.toHaveProperty('query');
  });

  it('treats the plain object of a standard serializer the same way', () => {
    const logged = loggableError({ type: 'QueryFailedError', message: 'boom', parameters: ['whsec_x'], query: 'SELECT 1', code: '42703' });
    expect(logged).toEqual({ type: 'QueryFailedError', message: 'boom', stack: undefined, code: '42703' });
  });

  it('follows the cause chain the same way', () => {
    const logged = loggableError(new Error('outer', { cause: Object.assign(new Error('inner'), { parameters: ['x'] }) }));
    expect(logged.cause).toMatchObject({ message: 'inner' });
    expect(logged.cause).not.toHaveProperty('parameters');
  });
});
