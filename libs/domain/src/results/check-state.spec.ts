import { checkState } from './check-state';

describe('checkState', () => {
  it.each([
    { ok: true, errorCode: null, expected: 'up' },
    { ok: false, errorCode: 'ECONNREFUSED', expected: 'down' },
    { ok: false, errorCode: 'STATUS_MISMATCH', expected: 'down' },
    { ok: false, errorCode: 'TARGET_DENIED', expected: 'down' },
    { ok: false, errorCode: 'MISSED', expected: 'missed' },
  ] as const)('ok $ok, error $errorCode → $expected', ({ ok, errorCode, expected }) => {
    expect(checkState({ ok, errorCode })).toBe(expected);
  });
});
