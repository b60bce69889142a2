// What the classifier reads: stored check results (with ids, so evidence can point at them) and the chain's layout.
import type { ChainRun, ProbeResult, TargetKind } from '../results/check-result';
import { parseBackendTarget, type Backend } from '../site/backends';
import { parseConnectTo } from '../site/connect-to';
import { DNS_TARGET_PREFIX, ENTRY_TARGET, type HopRole } from '../site/site';

export type ObservedResult = ProbeResult & { id: string; region: string; slot: number };

export type ObservedRun = Omit<ChainRun, 'results'> & { results: ObservedResult[] };

/** One layer of the chain. `ChainSpec`'s entry and hops fit this shape. */
export type HopSpec = {
  target: string;
  kind: TargetKind;
  role: HopRole | 'entry';
  url: string;
  connectTo?: string | null;
  /** What the check expects of an HTTP target; named in advice when its answer did not match. */
  expectStatus?: string;
  bodyContains?: string | null;
  backends?: Backend[];
};

/** The entry and its hops, outermost first. A `ChainSpec` is one. */
export type ChainLayout = { entry: HopSpec; hops: HopSpec[] };

/** Target names outermost first, starting with the entry. */
export function hopOrder(layout: ChainLayout): string[] {
  return [ENTRY_TARGET, ...layout.hops.map((hop) => hop.target)];
}

export function hopSpec(layout: ChainLayout, target: string): HopSpec | null {
  if (target === ENTRY_TARGET) return layout.entry;
  const backend = parseBackendTarget(target);
  if (backend) return backendSpec(layout, backend.hop, backend.backend);
  return layout.hops.find((hop) => hop.target === target) ?? null;
}

/** A backend as a target of its own: the balancer's URL, connected to the backend's address. */
function backendSpec(layout: ChainLayout, hop: string, name: string): HopSpec | null {
  const balancer = layout.hops.find((candidate) => candidate.target === hop);
  const backend = balancer?.backends?.find((candidate) => candidate.name === name);
  if (!balancer || !backend) return null;
  return { target: `${hop}@${name}`, kind: 'http', role: 'app', url: balancer.url, connectTo: backend.address, expectStatus: balancer.expectStatus };
}

export function isDnsTarget(target: string): boolean {
  return target.startsWith(DNS_TARGET_PREFIX);
}

/** `host:port` a hop is reached at: its `connectTo` when pinned, else the URL's host and (default) port. */
export function hopAddress(hop: HopSpec): string {
  const url = safeUrl(hop.url);
  const defaultPort = url?.port || (url?.protocol === 'https:' ? '443' : url?.protocol === 'http:' ? '80' : '');
  const pinned = hop.connectTo ? parseConnectTo(hop.connectTo) : null;
  const host = pinned?.host ?? url?.hostname ?? hop.url;
  const port = pinned?.port ?? defaultPort;
  const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return port ? `${shownHost}:${port}` : shownHost;
}

export function hopHostname(hop: HopSpec): string {
  return safeUrl(hop.url)?.hostname ?? hop.url;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
