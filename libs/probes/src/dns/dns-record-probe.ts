// One resolver's check of a DNS site: the record type asked for, and whether every expected value came back.
import { DNS_TARGET_PREFIX, missingDnsValues, type DnsTargetSpec, type ProbeResult } from '@hopwatch/domain';
import type { ProbeEnvironment } from '../probe-environment';
import { describeErrorCode, type NormalisedError } from '../shared/normalise-error';
import { startClock } from '../shared/probe-clock';
import { emptyTrace, toProbeResult } from '../shared/probe-trace';
import { ERROR_BY_RCODE } from './dns-probe';
import type { DnsAnswer } from './dns-query';
import { queryRecords } from './dns-records';
import { parseResolverSpec } from './resolver-spec';

/** Never throws. ok = NOERROR and every expected value among the answers. */
export async function probeDnsRecord(spec: DnsTargetSpec, resolver: string, env: ProbeEnvironment): Promise<ProbeResult> {
  const clock = startClock();
  const trace = emptyTrace();
  const target = `${DNS_TARGET_PREFIX}${resolver}`;
  const parsed = parseResolverSpec(resolver);
  if (parsed === null) {
    return toProbeResult({ target, kind: 'dns', clock, trace, failure: { code: 'UNKNOWN', message: `invalid resolver "${resolver}": expected system, ip or ip:port` } });
  }
  if (parsed.kind === 'server') {
    const verdict = env.policy.check(parsed.address);
    if (!verdict.allowed) return toProbeResult({ target, kind: 'dns', clock, trace, failure: { code: 'TARGET_DENIED', message: `resolver ${resolver} denied: ${verdict.reason}` } });
    trace.remoteAddress = parsed.address;
  }
  const answer = await queryRecords(spec.hostname, spec.recordType, parsed, env);
  trace.dns = { resolver, hostname: spec.hostname, rcode: answer.rcode, answers: answer.answers };
  return toProbeResult({ target, kind: 'dns', clock, trace, failure: failureOf(spec, answer) });
}

function failureOf(spec: DnsTargetSpec, answer: DnsAnswer): NormalisedError | null {
  const asked = `${spec.hostname} ${spec.recordType}`;
  if (answer.rcode !== 'NOERROR') {
    const code = ERROR_BY_RCODE[answer.rcode];
    return { code, message: `${asked}: ${describeErrorCode(code)}${answer.detail === null ? '' : ` (${answer.detail})`}` };
  }
  const missing = missingDnsValues(answer.answers, spec.expect);
  if (missing.length === 0) return null;
  if (answer.answers.length === 0) return { code: 'DNS_NO_ANSWER', message: `${asked}: no ${spec.recordType} record; expected ${missing.join(', ')}` };
  return { code: 'DNS_MISMATCH', message: `${asked} answered ${answer.answers.join(', ')}; expected ${missing.join(', ')}` };
}
