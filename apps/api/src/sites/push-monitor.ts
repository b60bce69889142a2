// What makes a site a push (heartbeat) monitor at the API: its ping URL, and the fields that do not apply to it.
import { randomBytes } from 'node:crypto';
import { heartbeatEvaluationInterval, PUSH_LIMITS } from '@hopwatch/domain';
import { PushDto } from './dto/push.dto';

type Fields = { url?: string; hops?: unknown[]; dns?: { resolvers: string[] }; push?: PushDto };

/** 128 random bits, URL-safe: the ping URL is the monitor's only credential, as with Healthchecks.io. */
export function newPingToken(): string {
  return randomBytes(16).toString('base64url');
}

export function pingUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/ping/${token}`;
}

/** Field errors for a request that mixes a push monitor with what only URL checks have (or the reverse on a change). */
export function pushMismatches(fields: Fields, isPush: boolean, creating: boolean): string[] {
  if (!isPush) return fields.push && !creating ? ['push can only be given when a monitor is created; this site is checked at its url'] : [];
  return [
    ...(fields.url !== undefined ? ['url must not be given for a push monitor: hopwatch gives it its ping URL'] : []),
    ...(fields.hops?.length ? ['hops do not apply to a push monitor'] : []),
    ...(fields.dns?.resolvers.length ? ['dns does not apply to a push monitor'] : []),
  ];
}

export function pushSettings(push: PushDto): { pushPeriodSeconds: number; pushGraceSeconds: number; evaluateEverySeconds: number } {
  return {
    pushPeriodSeconds: push.periodSeconds,
    pushGraceSeconds: push.graceSeconds ?? PUSH_LIMITS.graceSeconds.default,
    evaluateEverySeconds: heartbeatEvaluationInterval(push.periodSeconds),
  };
}
