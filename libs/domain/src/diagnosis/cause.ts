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
  'backend_failing',
  'content_mismatch',
  'probe_blocked',
  /** A push monitor's job did not ping in time. */
  'heartbeat_missed',
  /** A push monitor's job reported a failure (`/fail`). */
  'job_failed',
  'unknown',
] as const;
export type Cause = (typeof CAUSES)[number];

/** Each cause in a few words, for subjects and resolution notices. */
export const CAUSE_LABELS: Record<Cause, string> = {
  origin_down: 'the origin was down',
  origin_timeout: 'the origin was too slow',
  origin_bad_response: 'the origin broke off or garbled its answers',
  origin_error: 'the application answered errors',
  proxy_misconfigured: 'a proxy was misconfigured',
  tls_failure: 'TLS failed',
  dns_failure: 'the name did not resolve',
  dns_inconsistent: 'resolvers gave different answers',
  edge_filtering: 'requests were turned away at the edge',
  overload: 'the upstream was overloaded',
  backend_failing: 'one backend behind the load balancer was failing',
  content_mismatch: 'the answer was not the expected one',
  probe_blocked: 'the monitor could not make the check',
  heartbeat_missed: 'the job did not ping in time',
  job_failed: 'the job reported a failure',
  unknown: 'the site failed for a reason not identified',
};

/** Things worth telling people that are not causes of their own (DESIGN §4, last paragraph of Incident). */
export const DIAGNOSIS_HINTS = ['deploy_window', 'keepalive_race'] as const;
export type DiagnosisHint = (typeof DIAGNOSIS_HINTS)[number];
