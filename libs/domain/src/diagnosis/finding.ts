// A rule's conclusion before it is worded: the cause and the facts that the summary and next steps are built from.
import type { CloudflareDetail } from '../fingerprint/cloudflare';
import type { Gateway } from '../fingerprint/gateway';
import type { TlsInfo } from '../results/check-result';
import type { Cause, DiagnosisHint } from './cause';
import type { Evidence } from './diagnosis';
import type { FailureKind } from './failure-kind';
import type { ProxyErrorType } from './proxy-status';

export type FindingFacts = {
  /** The status the client got, when it got one. */
  status?: number | null;
  /** How long the reporting gateway took to give up (ms). */
  reporterElapsedMs?: number | null;
  /** The failing hop's own elapsed time (ms). */
  failingElapsedMs?: number | null;
  /** The gateway page's own words (Envoy reset reason, Apache Reason, …). */
  gatewayDetail?: string | null;
  cloudflare?: CloudflareDetail | null;
  /** The error code the failing hop's direct probe got, and the probe's own words for it. */
  errorCode?: string | null;
  errorMessage?: string | null;
  tls?: TlsInfo | null;
  resolvers?: { failing: string[]; answering: string[]; badAnswers: string[]; goodAnswers: string[] };
  failingRegions?: string[];
  healthyRegions?: string[];
  /** The reporter has hops behind it that hopwatch checks directly and that answered well. */
  healthyBehind?: string[];
  /** The reporter is the innermost hop hopwatch checks: its upstream is not monitored. */
  upstreamUnmonitored?: boolean;
  proxyStatusHeader?: string | null;
  /** One backend of a load balancer fails while the others answer. */
  backend?: BackendFacts;
  risingHops?: Array<{ hop: string; baselineMs: number; recentMs: number; region: string }>;
  /** What a push monitor's judge said: how long it has been silent, or when the job reported failure. */
  heartbeat?: string | null;
};

export type BackendFacts = {
  balancer: string;
  name: string;
  address: string;
  /** Backends behind the balancer. */
  of: number;
  /** The entry's failure rate over the episode, with its 95 % interval, when known. */
  entryFailureRate: { rate: number; low: number; high: number } | null;
  /** A backend that answers, but slowly: its median answer time and that of the others (ms). */
  latencyMs?: number;
  siblingsMs?: number;
};

export type Finding = {
  cause: Cause;
  failingHop: string | null;
  reportedBy: string | null;
  gateway: Gateway;
  confidence: number;
  proxyStatus: ProxyErrorType | null;
  failure: FailureKind | null;
  evidence: Evidence[];
  regions: string[];
  hints: DiagnosisHint[];
  facts: FindingFacts;
};
