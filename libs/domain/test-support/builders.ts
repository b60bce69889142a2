// Pure builders for diagnosis, pattern and incident tests (unit and e2e): readable defaults, override what matters.
import type { Diagnosis } from '../src/diagnosis/diagnosis';
import type { ChainLayout, HopSpec, ObservedResult, ObservedRun } from '../src/diagnosis/observed';
import type { IncidentState } from '../src/incidents/incident-state';
import type { EntryOutcome } from '../src/patterns/entry-outcome';
import type { DnsInfo, ErrorCode, TlsInfo } from '../src/results/check-result';
import { ENTRY_TARGET } from '../src/site/site';
import { gatewayFixture } from './gateway-fixtures';

export const T0_SLOT = 1_763_769_600; // 2025-11-22T00:00:00Z

export function aResult(overrides: Partial<ObservedResult> = {}): ObservedResult {
  const target = overrides.target ?? ENTRY_TARGET;
  const region = overrides.region ?? 'default';
  const slot = overrides.slot ?? T0_SLOT;
  return {
    id: `${region}/${slot}/${target}`,
    target,
    region,
    slot,
    kind: 'http',
    ok: true,
    startedAt: new Date(slot * 1000).toISOString(),
    status: 200,
    errorCode: null,
    errorMessage: null,
    timings: { dnsMs: 1, connectMs: 2, tlsMs: null, ttfbMs: 20, totalMs: 25 },
    remoteAddress: '203.0.113.10',
    headers: {},
    bodySnippet: null,
    tls: null,
    dns: null,
    ...overrides,
  };
}

/** A healthy answer. */
export function ok(target: string, overrides: Partial<ObservedResult> = {}): ObservedResult {
  return aResult({ target, ...overrides });
}

/** An HTTP answer that fails the check (any 4xx/5xx, or a 2xx with `errorCode` BODY_MISMATCH). */
export function answered(target: string, status: number, overrides: Partial<ObservedResult> = {}): ObservedResult {
  return aResult({ target, ok: false, status, errorCode: status >= 400 ? 'STATUS_MISMATCH' : 'BODY_MISMATCH', ...overrides });
}

/** The answer recorded in a gateway fixture (fingerprint/fixtures), seen at `target`. */
export function pageFrom(target: string, fixtureName: string, overrides: Partial<ObservedResult> = {}): ObservedResult {
  const fixture = gatewayFixture(fixtureName);
  const elapsed = fixture.elapsedMs ?? 15;
  return answered(target, fixture.status ?? 502, {
    headers: fixture.headers,
    bodySnippet: fixture.body.slice(0, 2048),
    timings: { dnsMs: 1, connectMs: 2, tlsMs: null, ttfbMs: elapsed, totalMs: elapsed + 1 },
    ...overrides,
  });
}

/** A failure without an HTTP answer. Connection-level codes get timings that match them. */
export function failed(target: string, errorCode: ErrorCode, overrides: Partial<ObservedResult> = {}): ObservedResult {
  const connected = !['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'DNS_NXDOMAIN', 'DNS_SERVFAIL', 'DNS_TIMEOUT'].includes(errorCode);
  return aResult({
    target,
    ok: false,
    status: null,
    errorCode,
    remoteAddress: errorCode.startsWith('DNS') || errorCode === 'ENOTFOUND' ? null : '203.0.113.10',
    timings: { dnsMs: 1, connectMs: connected ? 2 : null, tlsMs: null, ttfbMs: null, totalMs: errorCode === 'ETIMEDOUT' ? 10_000 : 3 },
    ...overrides,
  });
}

export const refused = (target: string, overrides: Partial<ObservedResult> = {}) => failed(target, 'ECONNREFUSED', overrides);
export const reset = (target: string, overrides: Partial<ObservedResult> = {}) => failed(target, 'ECONNRESET', overrides);
export const responseTimeout = (target: string, overrides: Partial<ObservedResult> = {}) => failed(target, 'ETIMEDOUT', overrides);
export const connectTimeout = (target: string, overrides: Partial<ObservedResult> = {}) =>
  failed(target, 'ETIMEDOUT', { timings: { dnsMs: 1, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 10_000 }, ...overrides });

export function tlsFailure(target: string, errorCode: ErrorCode, tls: Partial<TlsInfo> = {}, overrides: Partial<ObservedResult> = {}): ObservedResult {
  return failed(target, errorCode, { tls: { servername: 'app.internal', issuer: 'CN=Internal CA', subject: 'CN=app.internal', validTo: '2025-10-01T00:00:00.000Z', authorized: false, ...tls }, ...overrides });
}

/** A DNS check of the entry name on one resolver. */
export function dnsAnswer(resolver: string, answers: string[], rcode: DnsInfo['rcode'] = 'NOERROR', overrides: Partial<ObservedResult> = {}): ObservedResult {
  const dns: DnsInfo = { resolver, hostname: 'shop.example.com', rcode, answers };
  const good = rcode === 'NOERROR' && answers.length > 0;
  return aResult({ target: `dns:${resolver}`, kind: 'dns', ok: good, status: null, errorCode: good ? null : rcode === 'TIMEOUT' ? 'DNS_TIMEOUT' : rcode === 'NXDOMAIN' ? 'DNS_NXDOMAIN' : 'DNS_SERVFAIL', dns, remoteAddress: null, ...overrides });
}

export function aHop(overrides: Partial<HopSpec> & { target: string }): HopSpec {
  return { kind: 'http', role: 'other', url: `http://${overrides.target}.internal/`, connectTo: null, ...overrides };
}

export const ENTRY_URL = 'https://shop.example.com/';
export const PROXY = aHop({ target: 'proxy', role: 'reverse_proxy', url: 'http://10.0.0.2/' });
export const APP = aHop({ target: 'app', role: 'app', url: 'http://10.0.0.3:3000/health' });

export function aLayout(hops: HopSpec[] = [PROXY, APP], entryUrl = ENTRY_URL): ChainLayout {
  return { entry: { target: ENTRY_TARGET, kind: 'http', role: 'entry', url: entryUrl, connectTo: null }, hops };
}

/** A run whose results all carry its region and slot (and ids derived from them). */
export function aRun(results: ObservedResult[], overrides: { region?: string; slot?: number; dnsDisagreement?: boolean; siteId?: string } = {}): ObservedRun {
  const region = overrides.region ?? 'default';
  const slot = overrides.slot ?? T0_SLOT;
  return {
    siteId: overrides.siteId ?? 'site-1',
    region,
    slot,
    dnsDisagreement: overrides.dnsDisagreement ?? false,
    results: results.map((result) => ({ ...result, region, slot, id: `${region}/${slot}/${result.target}` })),
  };
}

/**
 * Entry outcomes from a picture, oldest first, one per `intervalSeconds`: `.` ok, `5` 502, `3` 503, `4` 504,
 * `R` entry refused, `X` 502 while the app reset the connection, `F` 500.
 */
export function outcomes(picture: string, options: { startSlot?: number; intervalSeconds?: number; hopLatencyMs?: (index: number) => Record<string, number | null> } = {}): EntryOutcome[] {
  const start = options.startSlot ?? T0_SLOT;
  const interval = options.intervalSeconds ?? 60;
  return [...picture].map((symbol, index) => ({
    ...OUTCOME_SYMBOLS[symbol],
    slot: start + index * interval,
    hopLatencyMs: options.hopLatencyMs?.(index),
    resultId: `default/${start + index * interval}/entry`,
  }));
}

const OUTCOME_SYMBOLS: Record<string, Omit<EntryOutcome, 'slot'>> = {
  '.': { ok: true, status: 200, errorCode: null },
  '5': { ok: false, status: 502, errorCode: 'STATUS_MISMATCH' },
  '3': { ok: false, status: 503, errorCode: 'STATUS_MISMATCH' },
  '4': { ok: false, status: 504, errorCode: 'STATUS_MISMATCH' },
  F: { ok: false, status: 500, errorCode: 'STATUS_MISMATCH' },
  R: { ok: false, status: null, errorCode: 'ECONNREFUSED' },
  X: { ok: false, status: 502, errorCode: 'STATUS_MISMATCH', hopErrorCodes: { app: 'ECONNRESET' } },
};

export function aDiagnosis(overrides: Partial<Diagnosis> = {}): Diagnosis {
  return {
    cause: 'origin_down',
    failingHop: 'app',
    reportedBy: 'proxy',
    gateway: 'nginx',
    confidence: 0.9,
    summary: 'app (http://10.0.0.3:3000/health) refuses connections at 10.0.0.3:3000, so nginx at proxy answers 502.',
    evidence: [{ observation: 'app refused the connection', resultIds: ['default/1/app'] }],
    proxyStatus: 'connection_refused',
    nextSteps: ['Check that something listens on 10.0.0.3:3000.'],
    hints: [],
    regions: ['default'],
    ...overrides,
  };
}

export function anOpenIncident(overrides: Partial<IncidentState> = {}): IncidentState {
  return {
    status: 'open',
    startedAt: new Date(T0_SLOT * 1000),
    confirmedAt: new Date((T0_SLOT + 60) * 1000),
    resolvedAt: null,
    pattern: 'persistent',
    regions: ['default'],
    diagnosis: aDiagnosis(),
    failureRate: null,
    window: null,
    flips: [new Date(T0_SLOT * 1000)],
    flapping: false,
    heldOpen: false,
    awaitingMembers: false,
    ...overrides,
  };
}
