import { detectPattern } from '../../patterns/detect-pattern';
import { aLayout, aRun, failed, outcomes, T0_SLOT } from '../../../test-support/builders';
import { classify } from '../classify';

const PERSISTENT = detectPattern({ outcomes: { default: outcomes('........55') }, now: new Date((T0_SLOT + 3600) * 1000) });
const pushLayout = aLayout([], 'https://hopwatch.example.com/ping/abc');

describe('push monitors in the classifier', () => {
  it.each([
    { code: 'PING_MISSED' as const, message: 'no ping since 2026-12-01T10:04:00.000Z (expected every 300 s plus 60 s of grace)', cause: 'heartbeat_missed', summary: /^The job did not ping in time \(no ping since 2026-12-01T10:04:00\.000Z/ },
    { code: 'PING_FAILED' as const, message: 'the job reported a failure at 2026-12-01T10:05:00.000Z', cause: 'job_failed', summary: /^The job reported a failure \(the job reported a failure at 2026-12-01T10:05:00\.000Z\)/ },
  ])('$code → $cause, quoting the judge', ({ code, message, cause, summary }) => {
    const entry = failed('entry', code, { kind: 'push', errorMessage: message, remoteAddress: null, timings: { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 0 } });
    const diagnosis = classify({ layout: pushLayout, runs: [aRun([entry])], pattern: PERSISTENT });
    expect(diagnosis).toMatchObject({ cause, failingHop: 'entry', gateway: 'unknown', confidence: 0.99, proxyStatus: null });
    expect(diagnosis.summary).toMatch(summary);
    expect(diagnosis.nextSteps.length).toBeGreaterThan(0);
  });
});
