// Push (heartbeat) monitors, the Healthchecks.io model: a job pings hopwatch; silence past the period plus
// the grace time, or a ping that reports failure, makes the monitor down.
import type { ErrorCode } from '../results/check-result';

export const PING_KINDS = ['success', 'start', 'fail'] as const;
export type PingKind = (typeof PING_KINDS)[number];

export const PUSH_LIMITS = {
  periodSeconds: { min: 10, max: 31 * 86_400 },
  graceSeconds: { min: 0, max: 7 * 86_400, default: 60 },
  /** How often hopwatch looks at a push monitor at most: a daily job still gets its alert within a minute of its deadline. */
  evaluateEverySeconds: 60,
} as const;

export type Heartbeat = {
  periodSeconds: number;
  graceSeconds: number;
  /** When the monitor began to expect pings (its creation): the deadline counts from here until the first ping. */
  watchingSince: Date;
  lastSuccessAt: Date | null;
  lastStartAt: Date | null;
  lastFailAt: Date | null;
};

export type HeartbeatVerdict = {
  ok: boolean;
  errorCode: Extract<ErrorCode, 'PING_MISSED' | 'PING_FAILED'> | null;
  message: string | null;
  /** The latest moment the next success ping may arrive without the monitor going down. */
  deadline: Date;
};

export function judgeHeartbeat(heartbeat: Heartbeat, now: Date): HeartbeatVerdict {
  const lastSuccess = heartbeat.lastSuccessAt;
  const deadline = new Date((lastSuccess ?? heartbeat.watchingSince).getTime() + (heartbeat.periodSeconds + heartbeat.graceSeconds) * 1000);
  const failedLast = heartbeat.lastFailAt !== null && (lastSuccess === null || heartbeat.lastFailAt > lastSuccess);
  if (failedLast) {
    return { ok: false, errorCode: 'PING_FAILED', message: `the job reported a failure at ${heartbeat.lastFailAt!.toISOString()}`, deadline };
  }
  if (now > deadline) {
    const since = lastSuccess ? `since ${lastSuccess.toISOString()}` : 'ever';
    const expected = `expected every ${heartbeat.periodSeconds} s plus ${heartbeat.graceSeconds} s of grace`;
    const running = heartbeat.lastStartAt !== null && (lastSuccess === null || heartbeat.lastStartAt > lastSuccess) ? `; it started at ${heartbeat.lastStartAt.toISOString()} and has not finished` : '';
    return { ok: false, errorCode: 'PING_MISSED', message: `no ping ${since} (${expected})${running}`, deadline };
  }
  return { ok: true, errorCode: null, message: null, deadline };
}

/** How often the scheduler should look at a push monitor with this period. */
export function heartbeatEvaluationInterval(periodSeconds: number): number {
  return Math.min(periodSeconds, PUSH_LIMITS.evaluateEverySeconds);
}
