// Sites often share a layer (one load balancer, one CDN, one reverse proxy). When the failing hop of a new incident
// is such a layer and another site's open incident already blames it for the same cause, the new incident joins
// that one as a member of one root incident, so people hear once per root cause instead of once per site.
import type { Cause } from '../diagnosis/cause';
import { hopAddress, hopSpec, type ChainLayout } from '../diagnosis/observed';
import { ENTRY_TARGET } from '../site/site';

/**
 * What identifies the failing hop across sites: its URL, its `connectTo` address, and the address it was reached
 * at (`remoteAddress`, an IP) with its port. Empty when the entry itself fails (a site's entry is its own).
 */
export function sharedHopKeys(layout: ChainLayout, failingHop: string | null, remoteAddress: string | null): string[] {
  if (!failingHop || failingHop === ENTRY_TARGET) return [];
  const spec = hopSpec(layout, failingHop);
  if (!spec) return [];
  const address = hopAddress(spec);
  const keys = [`url:${normalisedUrl(spec.url)}`];
  if (spec.connectTo) keys.push(`address:${address}`);
  const port = /:(\d+)$/.exec(address)?.[1];
  if (remoteAddress && port) keys.push(`address:${remoteAddress.includes(':') ? `[${remoteAddress}]` : remoteAddress}:${port}`);
  return [...new Set(keys)];
}

export type RootCandidate = { id: string; cause: Cause | string; keys: string[] };

/** The open root incident a new one belongs under: same cause, and a key in common; null when none fits. */
export function chooseRoot(incident: { cause: Cause; keys: string[] }, candidates: readonly RootCandidate[]): string | null {
  if (incident.keys.length === 0) return null;
  const match = candidates.find((candidate) => candidate.cause === incident.cause && candidate.keys.some((key) => incident.keys.includes(key)));
  return match?.id ?? null;
}

function normalisedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`.toLowerCase();
  } catch {
    return url;
  }
}
