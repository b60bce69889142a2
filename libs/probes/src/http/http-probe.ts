// Probes one HTTP(S) target: a fresh connection per request (the handshake is part of what we measure),
// redirects followed and re-checked by the target policy, one deadline over everything.
import { withoutPassword, type HttpTargetSpec, type ProbeResult } from '@hopwatch/domain';
import { planConnection } from '../connect/connection-plan';
import { openConnection, type PhaseContext } from '../connect/open-connection';
import { PROBE_DEFAULTS, type ProbeEnvironment } from '../probe-environment';
import { startDeadline } from '../shared/deadline';
import { normaliseError, type NormalisedError } from '../shared/normalise-error';
import { startClock, type ProbeClock } from '../shared/probe-clock';
import { ProbeFailure } from '../shared/probe-failure';
import { emptyTrace, toProbeResult, withStallPhase, type ProbeTrace } from '../shared/probe-trace';
import { exchange, type HttpAnswer, type HttpRequestPlan } from './http-exchange';
import { bodySnippet, judgeAnswer } from './http-verdict';
import { redirectTarget, sameEndpoint } from './redirects';

type RunContext = { env: ProbeEnvironment; clock: ProbeClock; signal: AbortSignal; traces: ProbeTrace[] };

/**
 * Never throws: every failure is a result. Timings are milliseconds from the probe's start and describe
 * the last request made (after redirects); `totalMs` covers the whole probe.
 */
export async function probeHttp(spec: HttpTargetSpec, env: ProbeEnvironment): Promise<ProbeResult> {
  const clock = startClock();
  const deadline = startDeadline(spec.timeoutMs);
  const traces = [emptyTrace()];
  const result = (failure: NormalisedError | null): ProbeResult =>
    toProbeResult({ target: spec.target, kind: 'http', clock, trace: latest(traces), failure });
  try {
    const answer = await fetchFollowingRedirects(spec, { env, clock, signal: deadline.signal, traces });
    latest(traces).bodySnippet = bodySnippet(answer.status, answer.body, env.snippetBytes ?? PROBE_DEFAULTS.snippetBytes);
    return result(judgeAnswer(spec, answer.status, answer.body));
  } catch (error) {
    return result(withStallPhase(normaliseError(error), latest(traces)));
  } finally {
    deadline.dispose();
  }
}

async function fetchFollowingRedirects(spec: HttpTargetSpec, context: RunContext): Promise<HttpAnswer> {
  const original = parseTargetUrl(spec.url);
  const maxRedirects = context.env.maxRedirects ?? PROBE_DEFAULTS.maxRedirects;
  let url = original;
  for (let redirects = 0; ; redirects += 1) {
    const answer = await fetchOnce(url, spec, original, context);
    const next = redirectTarget(answer.status, firstHeader(answer.headers.location), url);
    if (next === null) return answer;
    if (redirects >= maxRedirects) {
      throw new ProbeFailure('TOO_MANY_REDIRECTS', `more than ${maxRedirects} redirects (the last to ${withoutPassword(next.href)})`);
    }
    context.traces.push(emptyTrace());
    url = next;
  }
}

async function fetchOnce(url: URL, spec: HttpTargetSpec, original: URL, context: RunContext): Promise<HttpAnswer> {
  const onOriginalEndpoint = sameEndpoint(url, original);
  const plan = planConnection(url, onOriginalEndpoint ? spec.connectTo : null);
  const request = requestPlan(url, spec, onOriginalEndpoint);
  const phase: PhaseContext = { env: context.env, clock: context.clock, signal: context.signal, trace: latest(context.traces) };
  const socket = await openConnection(plan, phase);
  return exchange(socket, request, phase, context.env.bodyCapBytes ?? PROBE_DEFAULTS.bodyCapBytes);
}

function requestPlan(url: URL, spec: HttpTargetSpec, onOriginalEndpoint: boolean): HttpRequestPlan {
  const headers: Record<string, string> = {
    host: (onOriginalEndpoint ? spec.hostHeader : null) ?? url.host,
    'user-agent': PROBE_DEFAULTS.userAgent,
    accept: '*/*',
    'accept-encoding': 'identity',
    connection: 'close',
  };
  if (onOriginalEndpoint && url.username !== '') {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }
  return { method: spec.method, path: `${url.pathname}${url.search}`, headers };
}

function parseTargetUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ProbeFailure('UNKNOWN', `invalid URL "${value.slice(0, 200)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ProbeFailure('UNKNOWN', `unsupported scheme ${url.protocol} for an HTTP probe`);
  return url;
}

/** Each redirect gets a fresh trace; the result reports the last request made. */
function latest(traces: ProbeTrace[]): ProbeTrace {
  return traces[traces.length - 1];
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

