// The DNS check of a site (DESIGN §4): one resolver, the entry host name, rcode + answers + query time.
import { DNS_TARGET_PREFIX, type ErrorCode, type ProbeResult } from '@hopwatch/domain';
import { isIP } from 'node:net';
import type { ProbeEnvironment } from '../probe-environment';
import { describeErrorCode, normaliseError, type NormalisedError } from '../shared/normalise-error';
import { startClock } from '../shared/probe-clock';
import { emptyTrace, toProbeResult } from '../shared/probe-trace';
import { queryResolver, type DnsAnswer, type DnsRcode } from './dns-query';
import { parseResolverSpec } from './resolver-spec';

export const ERROR_BY_RCODE: Record<Exclude<DnsRcode, 'NOERROR'>, ErrorCode> = {
  NXDOMAIN: 'DNS_NXDOMAIN',
  SERVFAIL: 'DNS_SERVFAIL',
  REFUSED: 'DNS_REFUSED',
  TIMEOUT: 'DNS_TIMEOUT',
  OTHER: 'UNKNOWN',
};

/** Never throws. ok = NOERROR with at least one address. A resolver address is itself a target: the policy judges it. */
export async function probeDns(hostname: string, resolver: string, env: ProbeEnvironment): Promise<ProbeResult> {
  const clock = startClock();
  const trace = emptyTrace();
  const { answer, failure, remoteAddress } = await ask(hostname, resolver, env);
  trace.remoteAddress = remoteAddress;
  trace.dns = { resolver, hostname, rcode: answer.rcode, answers: answer.answers };
  return toProbeResult({ target: `${DNS_TARGET_PREFIX}${resolver}`, kind: 'dns', clock, trace, failure: failure ?? failureOf(answer, hostname) });
}

type Asked = { answer: DnsAnswer; failure: NormalisedError | null; remoteAddress: string | null };

async function ask(hostname: string, resolver: string, env: ProbeEnvironment): Promise<Asked> {
  const other = (failure: NormalisedError): Asked => ({ answer: { rcode: 'OTHER', answers: [], detail: null }, failure, remoteAddress: null });
  if (hostname === '') return other({ code: 'UNKNOWN', message: 'no host name to resolve (is the entry URL valid?)' });
  const spec = parseResolverSpec(resolver);
  if (spec === null) return other({ code: 'UNKNOWN', message: `invalid resolver "${resolver}": expected system, ip or ip:port` });
  // An address needs no lookup; reporting it as its own answer keeps IP-literal sites' DNS checks green.
  if (isIP(hostname) !== 0) return { answer: { rcode: 'NOERROR', answers: [hostname], detail: null }, failure: null, remoteAddress: null };
  if (spec.kind === 'server') {
    const verdict = env.policy.check(spec.address);
    if (!verdict.allowed) return other({ code: 'TARGET_DENIED', message: `resolver ${resolver} denied: ${verdict.reason}` });
  }
  try {
    const answer = await queryResolver(hostname, spec, env);
    return { answer, failure: null, remoteAddress: spec.kind === 'server' ? spec.address : null };
  } catch (error) {
    return other(normaliseError(error));
  }
}

function failureOf(answer: DnsAnswer, hostname: string): NormalisedError | null {
  if (answer.rcode === 'NOERROR') {
    return answer.answers.length > 0 ? null : { code: 'DNS_NO_ANSWER', message: `${hostname}: ${describeErrorCode('DNS_NO_ANSWER')}` };
  }
  const code = ERROR_BY_RCODE[answer.rcode];
  const detail = answer.detail === null ? '' : ` (${answer.detail})`;
  return { code, message: `${hostname}: ${describeErrorCode(code)}${detail}` };
}
