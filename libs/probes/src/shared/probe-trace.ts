// What a probe has seen so far. Phases fill it in as they happen, so a failure at any point still
// reports everything observed before it (a TLS failure keeps the certificate, a reset keeps the status).
import type { DnsInfo, ProbeResult, TargetKind, TlsInfo } from '@hopwatch/domain';
import type { ProbeClock } from './probe-clock';
import type { NormalisedError } from './normalise-error';

/** The phase a probe is waiting on, so a timeout can say where it stalled (connect vs first byte tells filtering from a slow app). */
export type AwaitedPhase = 'connection' | 'tls' | 'headers' | 'body';

const AWAITED_TEXT: Record<AwaitedPhase, string> = {
  connection: 'resolving the name or connecting',
  tls: 'in the TLS handshake',
  headers: 'waiting for the response headers',
  body: 'reading the body',
};

export type ProbeTrace = {
  awaiting: AwaitedPhase;
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  ttfbMs: number | null;
  remoteAddress: string | null;
  tls: TlsInfo | null;
  status: number | null;
  headers: Record<string, string>;
  bodySnippet: string | null;
  dns: DnsInfo | null;
};

export function emptyTrace(): ProbeTrace {
  return {
    awaiting: 'connection',
    dnsMs: null,
    connectMs: null,
    tlsMs: null,
    ttfbMs: null,
    remoteAddress: null,
    tls: null,
    status: null,
    headers: {},
    bodySnippet: null,
    dns: null,
  };
}

/** Adds where the probe stalled to a deadline failure; other failures pass unchanged. */
export function withStallPhase(failure: NormalisedError, trace: ProbeTrace): NormalisedError {
  if (failure.code !== 'ETIMEDOUT') return failure;
  return { ...failure, message: `${failure.message}, ${AWAITED_TEXT[trace.awaiting]}` };
}

export type ResultInput = {
  target: string;
  kind: TargetKind;
  clock: ProbeClock;
  trace: ProbeTrace;
  /** null when the probe succeeded. */
  failure: NormalisedError | null;
};

export function toProbeResult({ target, kind, clock, trace, failure }: ResultInput): ProbeResult {
  return {
    target,
    kind,
    ok: failure === null,
    startedAt: clock.startedAt,
    status: trace.status,
    errorCode: failure?.code ?? null,
    errorMessage: failure?.message ?? null,
    timings: {
      dnsMs: trace.dnsMs,
      connectMs: trace.connectMs,
      tlsMs: trace.tlsMs,
      ttfbMs: trace.ttfbMs,
      totalMs: clock.elapsedMs(),
    },
    remoteAddress: trace.remoteAddress,
    headers: trace.headers,
    bodySnippet: trace.bodySnippet,
    tls: trace.tls,
    dns: trace.dns,
  };
}
