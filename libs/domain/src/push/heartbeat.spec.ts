import { Heartbeat, heartbeatEvaluationInterval, judgeHeartbeat } from './heartbeat';

const at = (iso: string) => new Date(`2026-12-01T${iso}Z`);
const base: Heartbeat = { periodSeconds: 300, graceSeconds: 60, watchingSince: at('10:00:00'), lastSuccessAt: null, lastStartAt: null, lastFailAt: null };

describe('judgeHeartbeat', () => {
  const cases: Array<{ name: string; heartbeat: Partial<Heartbeat>; now: string; expected: { ok: boolean; errorCode: string | null; deadline: string } }> = [
    { name: 'never pinged, still within period + grace of creation', heartbeat: {}, now: '10:06:00', expected: { ok: true, errorCode: null, deadline: '10:06:00' } },
    { name: 'never pinged, past period + grace of creation', heartbeat: {}, now: '10:06:01', expected: { ok: false, errorCode: 'PING_MISSED', deadline: '10:06:00' } },
    { name: 'pinged, next ping not due yet', heartbeat: { lastSuccessAt: at('10:04:00') }, now: '10:09:30', expected: { ok: true, errorCode: null, deadline: '10:10:00' } },
    { name: 'pinged, inside the grace time', heartbeat: { lastSuccessAt: at('10:04:00') }, now: '10:09:59', expected: { ok: true, errorCode: null, deadline: '10:10:00' } },
    { name: 'pinged, silent past period + grace', heartbeat: { lastSuccessAt: at('10:04:00') }, now: '10:10:01', expected: { ok: false, errorCode: 'PING_MISSED', deadline: '10:10:00' } },
    { name: 'a start ping does not move the deadline', heartbeat: { lastSuccessAt: at('10:04:00'), lastStartAt: at('10:09:00') }, now: '10:10:30', expected: { ok: false, errorCode: 'PING_MISSED', deadline: '10:10:00' } },
    { name: 'a fail ping after the last success is down at once', heartbeat: { lastSuccessAt: at('10:04:00'), lastFailAt: at('10:05:00') }, now: '10:05:01', expected: { ok: false, errorCode: 'PING_FAILED', deadline: '10:10:00' } },
    { name: 'a success after a failure is up again', heartbeat: { lastSuccessAt: at('10:06:00'), lastFailAt: at('10:05:00') }, now: '10:06:01', expected: { ok: true, errorCode: null, deadline: '10:12:00' } },
  ];

  it.each(cases)('$name → ok $expected.ok', ({ heartbeat, now, expected }) => {
    const verdict = judgeHeartbeat({ ...base, ...heartbeat }, at(now));
    expect({ ok: verdict.ok, errorCode: verdict.errorCode, deadline: verdict.deadline.toISOString() }).toEqual({ ...expected, deadline: at(expected.deadline).toISOString() });
  });

  it('says how long it has been silent and that a started run never finished', () => {
    const verdict = judgeHeartbeat({ ...base, lastSuccessAt: at('10:04:00'), lastStartAt: at('10:09:00') }, at('10:11:00'));
    expect(verdict.message).toBe('no ping since 2026-12-01T10:04:00.000Z (expected every 300 s plus 60 s of grace); it started at 2026-12-01T10:09:00.000Z and has not finished');
  });
});

describe('heartbeatEvaluationInterval', () => {
  it.each([[30, 30], [60, 60], [86_400, 60]])('period %i s → looked at every %i s', (period, expected) => {
    expect(heartbeatEvaluationInterval(period)).toBe(expected);
  });
});
