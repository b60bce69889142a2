// The classifier's answer, as stored on an incident and shown in alerts (DESIGN §4 Incident.diagnosis).
import type { Gateway } from '../fingerprint/gateway';
import type { Cause, DiagnosisHint } from './cause';
import type { ProxyErrorType } from './proxy-status';

/** One observation the diagnosis rests on, pointing at the check results that show it. */
export type Evidence = { observation: string; resultIds: string[] };

export type Diagnosis = {
  cause: Cause;
  /** The innermost hop that is itself unhealthy (a hop name, or `entry`); null when nothing failed. */
  failingHop: string | null;
  /** The hop whose answer carried the error; null when no HTTP answer did (refused, timed out, DNS). */
  reportedBy: string | null;
  /** The product that wrote the error page, or `unknown`. */
  gateway: Gateway;
  /** 0..1 */
  confidence: number;
  /** One sentence a person can act on. */
  summary: string;
  evidence: Evidence[];
  /** The nearest RFC 9209 Proxy-Status error type, for comparison with other tools. */
  proxyStatus: ProxyErrorType | null;
  nextSteps: string[];
  hints: DiagnosisHint[];
  /** Regions whose runs show the failure. */
  regions: string[];
};
