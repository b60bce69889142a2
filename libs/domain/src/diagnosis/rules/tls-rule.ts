// TLS failures: at the entry (the client's own handshake) or on a hop's direct check behind a gateway that said 502.
import type { ErrorCode } from '../../results/check-result';
import type { ClassifyContext, RunView } from '../classify-context';
import { failureKindOf } from '../failure-kind';
import type { Finding } from '../finding';
import { chainEvidence, gatewayOf } from '../finding-tools';
import type { ObservedResult } from '../observed';
import type { ProxyErrorType } from '../proxy-status';

const CERTIFICATE_CODES: readonly ErrorCode[] = ['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_SELF_SIGNED', 'CERT_UNTRUSTED', 'CERT_HOSTNAME_MISMATCH', 'CERT_INVALID'];

export function tlsFinding(view: RunView, _context: ClassifyContext): Finding | null {
  const atEntry = failureKindOf(view.entry) === 'tls';
  const { failingHop, reportedBy, failure } = view.attribution;
  const target = atEntry ? 'entry' : failure === 'tls' ? failingHop : null;
  if (!target) return null;
  const failing = view.result(target)!;
  return {
    cause: 'tls_failure',
    failingHop: target,
    reportedBy: atEntry ? null : reportedBy,
    gateway: atEntry ? 'unknown' : gatewayOf(view.attribution),
    confidence: 0.9,
    proxyStatus: tlsProxyStatus(failing),
    failure: 'tls',
    evidence: [...chainEvidence(view), ...certificateEvidence(failing)],
    regions: [view.region],
    hints: [],
    facts: { status: view.entry.status, errorCode: failing.errorCode, tls: failing.tls },
  };
}

export function tlsProxyStatus(result: ObservedResult): ProxyErrorType {
  return result.errorCode && CERTIFICATE_CODES.includes(result.errorCode) ? 'tls_certificate_error' : 'tls_protocol_error';
}

function certificateEvidence(result: ObservedResult): Finding['evidence'] {
  if (!result.tls) return [];
  const { subject, issuer, validTo, servername } = result.tls;
  const parts = [subject && `subject ${subject}`, issuer && `issuer ${issuer}`, validTo && `valid to ${validTo}`, servername && `SNI ${servername}`].filter(Boolean);
  return parts.length > 0 ? [{ observation: `${result.target} presented a certificate: ${parts.join(', ')}`, resultIds: [result.id] }] : [];
}
