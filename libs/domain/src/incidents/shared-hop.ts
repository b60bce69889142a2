// Sites often share a layer (one load balancer, one CDN, one reverse proxy). When the failing hop of a new incident
// is such a layer and another site's open incident already blames it for the same cause, the new incident joins
// that one as a member of one root incident, so people hear once per root cause instead of once per site.
// The entry can be such a layer too (200 sites whose DNS points at one balancer or CDN edge), but there each site
// is its own virtual host: sites group at the entry only when they also got the same answer (status or error), so
// one broken vhost on a shared host, or sites failing there for other reasons, stay apart.
import type { Cause } from '../diagnosis/cause';
import { hopAddress, hopSpec, type ChainLayout, type HopSpec } from '../diagnosis/observed';
import { ENTRY_TARGET } from '../site/site';

/**
 * What identifies the failing hop across sites: its URL, its `connectTo` address, and the address it was reached
 * at (`remoteAddress`, an IP) with its port. For the entry: its `connectTo` and reached address, each with the
 * answer it failed with (`entryAnswer`: the status, or the error code without one); none without that answer.
 */
export function sharedHopKeys(layout: ChainLayout, failingHop: string | null, remoteAddress: string | null, entryAnswer: string | null = null): string[] {
  if (!failingHop) return [];
  const spec = hopSpec(layout, failingHop);
  if (!spec) return [];
  if (failingHop === ENTRY_TARGET) return entryKeys(spec, remoteAddress, entryAnswer);
  const keys = [`url:${normalisedUrl(spec.url)}`, ...addressKeys(spec, remoteAddress).map((address) => `address:${address}`)];
  return [...new Set(keys)];
}

function entryKeys(spec: HopSpec, remoteAddress: string | null, answer: string | null): string[] {
  if (!answer || (spec.kind !== 'http' && spec.kind !== 'tcp')) return [];
  return [...new Set(addressKeys(spec, remoteAddress).map((address) => `entry:${address}#${answer}`))];
}

/** Its `connectTo` when pinned, and the address it was reached at with its port. */
function addressKeys(spec: HopSpec, remoteAddress: string | null): string[] {
  const address = hopAddress(spec);
  const keys = spec.connectTo ? [address] : [];
  const port = /:(\d+)$/.exec(address)?.[1];
  if (remoteAddress && port) keys.push(`${remoteAddress.includes(':') ? `[${remoteAddress}]` : remoteAddress}:${port}`);
  return keys;
}

export type RootCandidate = { id: string; cause: Cause | string; keys: string[] };

/**
 * The open root incident a new one belongs under: same cause, and a key in common (for the entry the key holds the
 * answer too); null when none fits. A single failing site has no root: a root is only ever another site's incident.
 */
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
