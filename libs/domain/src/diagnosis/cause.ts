// What broke, in hopwatch's vocabulary (DESIGN §4 cause codes).
export const CAUSES = [
  'origin_down',
  'origin_timeout',
  'origin_bad_response',
  'origin_error',
  'proxy_misconfigured',
  'tls_failure',
  'dns_failure',
  'dns_inconsistent',
  'edge_filtering',
  'overload',
  /** A push monitor's job did not ping in time. */
  'heartbeat_missed',
  /** A push monitor's job reported a failure (`/fail`). */
  'job_failed',
  'unknown',
] as const;
export type Cause = (typeof CAUSES)[number];

/** Things worth telling people that are not causes of their own (DESIGN §4, last paragraph of Incident). */
export const DIAGNOSIS_HINTS = ['deploy_window', 'keepalive_race'] as const;
export type DiagnosisHint = (typeof DIAGNOSIS_HINTS)[number];
