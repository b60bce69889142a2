// Whether two hops' HTTP answers are the same error page: a gateway passes a deeper gateway's valid error answer on
// unchanged, so the same page at two depths means the deeper hop wrote it.
import type { ProbeResult } from '../results/check-result';
import type { GatewayFingerprint } from '../fingerprint/fingerprint';

export function sameErrorAnswer(outer: ProbeResult, outerPrint: GatewayFingerprint, inner: ProbeResult, innerPrint: GatewayFingerprint): boolean {
  if (outer.status === null || outer.status !== inner.status) return false;
  // Cloudflare swaps the origin's 502/504 page for its own, so only the status survives the trip.
  if (outerPrint.cloudflare?.generatedBy === 'origin') return true;
  const outerBody = normalisedBody(outer.bodySnippet);
  const innerBody = normalisedBody(inner.bodySnippet);
  if (outerBody !== '' && outerBody === innerBody) return true;
  if (outerPrint.generated && innerPrint.generated) return outerPrint.gateway === innerPrint.gateway;
  return outerBody === '' && innerBody === '' && outerPrint.gateway === innerPrint.gateway;
}

// Request ids, Ray ids, XIDs and timestamps differ between two fetches of the same page.
function normalisedBody(body: string | null): string {
  return (body ?? '').toLowerCase().replace(/[0-9a-f]*\d[0-9a-f]*/g, '#').replace(/\s+/g, ' ').trim();
}
