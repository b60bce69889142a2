import type { DnsInfo, ErrorCode, ProbeResult } from '@hopwatch/domain';
import { resolversDisagree } from './resolvers-disagree';

function aDnsResult(answers: string[], rcode: DnsInfo['rcode'] = 'NOERROR', errorCode: ErrorCode | null = null): ProbeResult {
  const ok = rcode === 'NOERROR' && answers.length > 0 && errorCode === null;
  return {
    target: 'dns:x',
    kind: 'dns',
    ok,
    startedAt: '2026-01-01T00:00:00.000Z',
    status: null,
    errorCode: ok ? null : (errorCode ?? 'DNS_NXDOMAIN'),
    errorMessage: null,
    timings: { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 3 },
    remoteAddress: null,
    headers: {},
    bodySnippet: null,
    tls: null,
    dns: { resolver: 'x', hostname: 'site.test', rcode, answers },
  };
}

describe('resolversDisagree', () => {
  it.each([
    { name: 'one resolver', results: [aDnsResult(['1.1.1.1'])], expected: false },
    { name: 'the same set', results: [aDnsResult(['1.1.1.1', '2.2.2.2']), aDnsResult(['2.2.2.2', '1.1.1.1'])], expected: false },
    { name: 'different sets', results: [aDnsResult(['1.1.1.1']), aDnsResult(['9.9.9.9'])], expected: true },
    { name: 'one answers, one NXDOMAIN', results: [aDnsResult(['1.1.1.1']), aDnsResult([], 'NXDOMAIN')], expected: true },
    { name: 'one answers, one empty', results: [aDnsResult(['1.1.1.1']), aDnsResult([], 'NOERROR', 'DNS_NO_ANSWER')], expected: true },
    { name: 'all fail', results: [aDnsResult([], 'NXDOMAIN'), aDnsResult([], 'SERVFAIL')], expected: false },
    { name: 'a denied resolver is not an observation', results: [aDnsResult(['1.1.1.1']), aDnsResult([], 'OTHER', 'TARGET_DENIED')], expected: false },
  ])('$name → $expected', ({ results, expected }) => {
    expect(resolversDisagree(results)).toBe(expected);
  });
});
