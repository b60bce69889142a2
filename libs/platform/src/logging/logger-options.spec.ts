import { httpLogLevel, loggerOptions } from './logger-options';

describe('httpLogLevel', () => {
  it.each([
    { status: 200, error: undefined, level: 'debug' },
    { status: 204, error: undefined, level: 'debug' },
    { status: 304, error: undefined, level: 'debug' },
    { status: 400, error: undefined, level: 'warn' },
    { status: 404, error: undefined, level: 'warn' },
    { status: 429, error: undefined, level: 'warn' },
    { status: 500, error: undefined, level: 'error' },
    { status: 503, error: undefined, level: 'error' },
    { status: 200, error: new Error('socket hang up'), level: 'error' },
  ])('$status (error: $error) → $level', ({ status, error, level }) => {
    expect(httpLogLevel(status, error)).toBe(level);
  });
});

describe('loggerOptions', () => {
  const transportOf = (terminal: boolean) => (loggerOptions({ logLevel: 'info', adminKey: null, secretKey: null }, terminal).pinoHttp as { transport?: { target: string } }).transport;

  it('prints through pino-pretty on a terminal', () => {
    expect(transportOf(true)).toMatchObject({ target: 'pino-pretty' });
  });

  it('writes plain JSON lines when stdout is not a terminal', () => {
    expect(transportOf(false)).toBeUndefined();
  });
});
