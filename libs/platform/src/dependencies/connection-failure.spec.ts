import { isConnectionFailure } from './connection-failure';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isConnectionFailure', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), true],
    ['Postgres shutting down', withCode('57P01', 'terminating connection due to administrator command'), true],
    ['Postgres starting', withCode('57P03', 'the database system is starting up'), true],
    ['pg connection terminated', new Error('Connection terminated unexpectedly'), true],
    ['ioredis closed', new Error('Connection is closed.'), true],
    ['pg pool connect timeout', new Error('timeout exceeded when trying to connect'), true],
    ['aggregate of refusals', Object.assign(new Error(''), { errors: [withCode('ECONNREFUSED')] }), true],
    ['wrapped cause', new Error('query failed', { cause: withCode('ECONNRESET') }), true],
    ['unique violation', withCode('23505', 'duplicate key value violates unique constraint'), false],
    ['syntax error', withCode('42601', 'syntax error at or near "SELEC"'), false],
    ['plain bug', new TypeError('cannot read properties of undefined'), false],
    ['not an error', 'ECONNREFUSED', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isConnectionFailure(error)).toBe(expected);
  });
});
