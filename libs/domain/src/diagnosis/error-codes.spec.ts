// Every error code a probe can produce maps to a cause, and to advice that fits it: at the entry of a site without
// hops, and at the app behind a gateway that answered 502.
import { detectPattern } from '../patterns/detect-pattern';
import { ERROR_CODES, type ErrorCode } from '../results/check-result';
import { aHop, aLayout, aRun, failed, outcomes, pageFrom, T0_SLOT, tlsFailure } from '../../test-support/builders';
import type { Cause } from './cause';
import { classify } from './classify';
import type { ObservedResult } from './observed';

const PERSISTENT = detectPattern({ outcomes: { default: outcomes('........55') }, now: new Date((T0_SLOT + 3600) * 1000) });
const PROXY = aHop({ target: 'proxy', role: 'reverse_proxy', url: 'http://10.0.0.2/' });
const APP = aHop({ target: 'app', role: 'app', url: 'http://10.0.0.3:3000/health', expectStatus: '200', bodyContains: 'healthy' });

/** How a probe reports each code: with the status it got, if any, and its own message. */
function failure(target: string, code: ErrorCode): ObservedResult {
  if (code === 'STATUS_MISMATCH') return failed(target, code, { status: 404, errorMessage: 'status 404, expected 200' });
  if (code === 'BODY_MISMATCH') return failed(target, code, { status: 200, errorMessage: 'the first 512 body bytes do not contain "healthy"' });
  if (code === 'TOO_MANY_REDIRECTS') return failed(target, code, { errorMessage: 'more than 5 redirects (the last to http://10.0.0.3:3000/health)' });
  if (code.startsWith('CERT_') || code === 'TLS_HANDSHAKE_FAILED') return tlsFailure(target, code);
  // push monitors' results say what the judge found in the pings
  if (code === 'PING_MISSED') return failed(target, code, { kind: 'push', remoteAddress: null, errorMessage: 'no ping since 2025-11-21T23:00:00Z' });
  if (code === 'PING_FAILED') return failed(target, code, { kind: 'push', remoteAddress: null, errorMessage: 'the job pinged /fail' });
  return failed(target, code, { errorMessage: code === 'UNKNOWN' ? 'socket hang up in a way nobody expected' : null });
}

const EXPECTED: Record<Exclude<ErrorCode, 'MISSED'>, { cause: Cause; mentions: string }> = {
  ECONNREFUSED: { cause: 'origin_down', mentions: 'listens' },
  ETIMEDOUT: { cause: 'origin_timeout', mentions: 'slow' },
  ECONNRESET: { cause: 'origin_bad_response', mentions: 'logs' },
  EPROTO: { cause: 'tls_failure', mentions: 'openssl s_client' },
  ENOTFOUND: { cause: 'dns_failure', mentions: 'dig' },
  EHOSTUNREACH: { cause: 'origin_down', mentions: 'listens' },
  ENETUNREACH: { cause: 'origin_down', mentions: 'listens' },
  EADDRNOTAVAIL: { cause: 'probe_blocked', mentions: 'HOPWATCH_SOURCE_ADDRESS' },
  CERT_HAS_EXPIRED: { cause: 'tls_failure', mentions: 'openssl s_client' },
  CERT_NOT_YET_VALID: { cause: 'tls_failure', mentions: 'openssl s_client' },
  CERT_SELF_SIGNED: { cause: 'tls_failure', mentions: 'openssl s_client' },
  CERT_UNTRUSTED: { cause: 'tls_failure', mentions: 'openssl s_client' },
  CERT_HOSTNAME_MISMATCH: { cause: 'tls_failure', mentions: 'openssl s_client' },
  CERT_INVALID: { cause: 'tls_failure', mentions: 'openssl s_client' },
  TLS_HANDSHAKE_FAILED: { cause: 'tls_failure', mentions: 'openssl s_client' },
  INVALID_RESPONSE: { cause: 'origin_bad_response', mentions: 'curl -sv' },
  BODY_MISMATCH: { cause: 'content_mismatch', mentions: 'bodyContains' },
  STATUS_MISMATCH: { cause: 'content_mismatch', mentions: 'expectStatus' },
  TOO_MANY_REDIRECTS: { cause: 'content_mismatch', mentions: 'curl -sIL' },
  TARGET_DENIED: { cause: 'probe_blocked', mentions: 'HOPWATCH_TARGET_ALLOW' },
  DNS_NXDOMAIN: { cause: 'dns_failure', mentions: 'dig' },
  DNS_SERVFAIL: { cause: 'dns_failure', mentions: 'dig' },
  DNS_REFUSED: { cause: 'dns_failure', mentions: 'dig' },
  DNS_TIMEOUT: { cause: 'dns_failure', mentions: 'dig' },
  DNS_NO_ANSWER: { cause: 'dns_failure', mentions: 'dig' },
  DNS_MISMATCH: { cause: 'dns_failure', mentions: 'dig' },
  PING_MISSED: { cause: 'heartbeat_missed', mentions: 'crontab' },
  PING_FAILED: { cause: 'job_failed', mentions: 'output' },
  UNKNOWN: { cause: 'unknown', mentions: 'socket hang up in a way nobody expected' },
};

// The monitor's own failures and a wrong answer are not the gateway's business: behind a 502 they do not apply.
// Nor are the codes of monitors without hops: a DNS site's mismatch and a push monitor's missed or failed ping.
const MEANINGLESS_BEHIND_A_GATEWAY: ErrorCode[] = ['EADDRNOTAVAIL', 'TARGET_DENIED', 'UNKNOWN', 'DNS_MISMATCH', 'PING_MISSED', 'PING_FAILED'];

describe('every probe error code', () => {
  it('has an expected cause (MISSED slots never reach the classifier: the analyzer drops them)', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(ERROR_CODES.filter((code) => code !== 'MISSED').sort());
  });

  it.each(Object.entries(EXPECTED))('%s at the entry of a site without hops', (code, expected) => {
    const diagnosis = classify({ layout: aLayout([]), runs: [aRun([failure('entry', code as ErrorCode)])], pattern: PERSISTENT });
    expect(diagnosis).toMatchObject({ cause: expected.cause, failingHop: 'entry' });
    expect([diagnosis.summary, ...diagnosis.nextSteps].join('\n')).toContain(expected.mentions);
  });

  it.each(Object.entries(EXPECTED).filter(([code]) => !MEANINGLESS_BEHIND_A_GATEWAY.includes(code as ErrorCode)))('%s at the app behind nginx that said 502', (code, expected) => {
    const diagnosis = classify({
      layout: aLayout([PROXY, APP]),
      runs: [aRun([pageFrom('entry', 'nginx-502-refused'), pageFrom('proxy', 'nginx-502-refused'), failure('app', code as ErrorCode)])],
      pattern: PERSISTENT,
    });
    expect(diagnosis).toMatchObject({ cause: expected.cause, failingHop: 'app' });
    const advice = [diagnosis.summary, ...diagnosis.nextSteps].join('\n');
    expect(advice).toContain(expected.mentions);
    expect(advice).not.toMatch(/Add the hops behind the entry/);
  });
});
