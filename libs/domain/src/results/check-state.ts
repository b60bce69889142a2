// The three things a stored check can say: the target was up, it was down, or nobody checked it.
import type { ErrorCode } from './check-result';

export const CHECK_STATES = ['up', 'down', 'missed'] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/**
 * `missed` for a slot that could not be checked in time (error `MISSED`): it says nothing about the
 * target, so it must count neither as up nor as down; otherwise `ok` decides.
 */
export function checkState(result: { ok: boolean; errorCode: ErrorCode | null }): CheckState {
  if (result.errorCode === 'MISSED') return 'missed';
  return result.ok ? 'up' : 'down';
}
