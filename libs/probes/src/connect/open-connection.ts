// DNS (or pinning), policy, TCP and TLS for one request, each phase stamped on the trace as it ends.
import type { Socket } from 'node:net';
import type { ProbeEnvironment } from '../probe-environment';
import type { ProbeClock } from '../shared/probe-clock';
import type { ProbeTrace } from '../shared/probe-trace';
import type { ConnectionPlan } from './connection-plan';
import { chooseDialAddress } from './target-address';
import { connectTcp } from './tcp-connect';
import { handshakeTls } from './tls-handshake';

export type PhaseContext = {
  env: ProbeEnvironment;
  clock: ProbeClock;
  signal: AbortSignal;
  trace: ProbeTrace;
};

export async function openConnection(plan: ConnectionPlan, context: PhaseContext): Promise<Socket> {
  const { env, clock, signal, trace } = context;
  const target = await chooseDialAddress(plan.pinnedAddress ?? plan.hostname, env, signal);
  if (target.resolvedByDns) trace.dnsMs = clock.elapsedMs();
  // Recorded before connecting: a refused or timed-out connection still says which address it tried,
  // which is how a failure is matched to one resolver's answers. Once connected it is still the peer, so it is
  // not asked again (`socket.remoteAddress` is a getpeername call: 1.7 % of a busy worker's time).
  trace.remoteAddress = target.address;
  const socket = await connectTcp(target.address, plan.connectPort, env, signal);
  trace.connectMs = clock.elapsedMs();
  trace.awaiting = plan.tls ? 'tls' : 'headers';
  if (!plan.tls) return socket;
  const secure = await handshakeTls(socket, plan, env, signal, trace);
  trace.tlsMs = clock.elapsedMs();
  trace.awaiting = 'headers';
  return secure;
}
