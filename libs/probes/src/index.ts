// libs/probes: the I/O that observes one site's chain. Plain data in, plain data out; no database, no queue.
export { isProbedChain, probeChain, type ChainContext, type ProbedChainSpec } from './chain/probe-chain';
export { probeHttp } from './http/http-probe';
export { probeTcp } from './tcp/tcp-probe';
export { probeDns } from './dns/dns-probe';
export { resolversDisagree } from './dns/resolvers-disagree';
export { parseResolverSpec, SYSTEM_RESOLVER, type ResolverSpec } from './dns/resolver-spec';
export { createGuardedLookup, type GuardedLookup } from './connect/guarded-lookup';
export { assertAllowed, resolveAllowed } from './connect/target-address';
export { isRevealingHeader, revealingHeaders } from './http/revealing-headers';
export { normaliseError, errorCodeFor, describeErrorCode, type NormalisedError } from './shared/normalise-error';
export { ProbeFailure } from './shared/probe-failure';
export { PROBE_DEFAULTS, type ProbeEnvironment } from './probe-environment';
