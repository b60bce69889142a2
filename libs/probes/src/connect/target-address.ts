// The target policy applied to the address a socket is about to dial (DESIGN §6): names are resolved and
// every answer judged, literals and pinned addresses are judged as they are, redirects go through here again.
import { isIP } from 'node:net';
import type { ProbeEnvironment } from '../probe-environment';
import { ProbeFailure } from '../shared/probe-failure';
import { lookupName, type ResolvedAddress } from './name-lookup';

export type DialAddress = ResolvedAddress & { resolvedByDns: boolean };

/** Throws TARGET_DENIED unless the policy allows connecting to `address`. */
export function assertAllowed(address: string, env: ProbeEnvironment, what = address): void {
  const verdict = env.policy.check(address);
  if (!verdict.allowed) throw new ProbeFailure('TARGET_DENIED', `${what} denied: ${verdict.reason}`);
}

/** Resolves `hostname` and keeps only the addresses the policy allows; none allowed is TARGET_DENIED. */
export async function resolveAllowed(hostname: string, env: ProbeEnvironment, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const addresses = await lookupName(hostname, env, signal);
  const allowed = addresses.filter((entry) => env.policy.check(entry.address).allowed);
  if (allowed.length > 0) return allowed;
  const verdict = env.policy.check(addresses[0].address);
  const reason = verdict.allowed ? 'not allowed' : verdict.reason;
  const listed = addresses.map((entry) => entry.address).join(', ');
  throw new ProbeFailure('TARGET_DENIED', `${hostname} resolves to ${listed}, denied: ${reason}`);
}

/** The one address to dial for `host` (a name, an IP literal or a pinned address). */
export async function chooseDialAddress(host: string, env: ProbeEnvironment, signal: AbortSignal): Promise<DialAddress> {
  const literalFamily = isIP(host);
  if (literalFamily === 4 || literalFamily === 6) {
    assertAllowed(host, env);
    return { address: host, family: literalFamily, resolvedByDns: false };
  }
  const [first] = await resolveAllowed(host, env, signal);
  return { address: first.address, family: first.family, resolvedByDns: true };
}
