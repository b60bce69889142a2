// Probes a `tcp://host:port` target: up when a connection is established (DNS, policy and source address as for HTTP).
import type { ProbeResult, TcpTargetSpec } from '@hopwatch/domain';
import { planConnection } from '../connect/connection-plan';
import { openConnection } from '../connect/open-connection';
import type { ProbeEnvironment } from '../probe-environment';
import { startDeadline } from '../shared/deadline';
import { normaliseError, type NormalisedError } from '../shared/normalise-error';
import { startClock } from '../shared/probe-clock';
import { ProbeFailure } from '../shared/probe-failure';
import { emptyTrace, toProbeResult } from '../shared/probe-trace';

/** Never throws: every failure is a result. */
export async function probeTcp(spec: TcpTargetSpec, env: ProbeEnvironment): Promise<ProbeResult> {
  const clock = startClock();
  const deadline = startDeadline(spec.timeoutMs, 'no connection');
  const trace = emptyTrace();
  let failure: NormalisedError | null = null;
  try {
    const plan = planConnection(parseTcpUrl(spec.url), spec.connectTo);
    const socket = await openConnection(plan, { env, clock, signal: deadline.signal, trace });
    socket.destroy();
  } catch (error) {
    failure = normaliseError(error);
  } finally {
    deadline.dispose();
  }
  return toProbeResult({ target: spec.target, kind: 'tcp', clock, trace, failure });
}

function parseTcpUrl(value: string): URL {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (url === null || url.protocol !== 'tcp:' || url.port === '') {
    throw new ProbeFailure('UNKNOWN', `invalid TCP target "${value.slice(0, 200)}": expected tcp://host:port`);
  }
  return url;
}
