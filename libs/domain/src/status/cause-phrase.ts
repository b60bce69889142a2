// Causes told to the public: plain words, no hop names, addresses or products (a status page is public).
import type { Cause } from '../diagnosis/cause';
import type { Pattern } from '../patterns/pattern';

const PHRASES: Record<Cause, string> = {
  origin_down: 'The servers behind the site could not be reached.',
  origin_timeout: 'The servers behind the site answered too slowly.',
  origin_bad_response: 'The servers behind the site sent broken responses.',
  origin_error: 'The application behind the site returned errors.',
  proxy_misconfigured: 'A configuration problem in the site’s infrastructure.',
  tls_failure: 'A problem with the site’s secure connection (TLS).',
  dns_failure: 'The site’s address could not be looked up (DNS).',
  dns_inconsistent: 'The site’s address was looked up inconsistently (DNS).',
  edge_filtering: 'Visitors from some networks were turned away.',
  overload: 'The site was overloaded.',
  backend_failing: 'One of the servers behind the site failed; some requests did not get through.',
  content_mismatch: 'The site answered, but not with the expected page.',
  probe_blocked: 'Our monitoring could not check the site; the site itself may have been fine.',
  heartbeat_missed: 'A scheduled job did not report in on time.',
  job_failed: 'A scheduled job reported that it failed.',
  unknown: 'The cause is being investigated.',
};

export function causePhrase(cause: string): string {
  return PHRASES[cause as Cause] ?? PHRASES.unknown;
}

/** A persistent failure is an outage; failures that come and go, or hit some regions only, degrade the service. */
export function incidentImpact(pattern: Pattern | string): 'outage' | 'degraded' {
  return pattern === 'persistent' ? 'outage' : 'degraded';
}
