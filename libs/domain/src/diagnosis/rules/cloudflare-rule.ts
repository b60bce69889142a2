// Cloudflare's own 52x/530 codes say what went wrong between the edge and the origin; the origin's direct check
// says whether it is down for everyone or only refuses Cloudflare.
import type { ClassifyContext, RunView } from '../classify-context';
import { depthOf, nextHopAfter } from '../classify-context';
import { cloudflareVerdict } from '../cloudflare-causes';
import type { Finding } from '../finding';
import { chainEvidence, evidenceOf } from '../finding-tools';

const CORROBORATING_FAILURES: Record<string, readonly string[]> = {
  origin_down: ['refused', 'unreachable'],
  origin_timeout: ['connect_timeout', 'response_timeout', 'slow'],
  origin_bad_response: ['reset', 'invalid_response', 'http_error'],
  tls_failure: ['tls'],
  dns_failure: ['dns'],
};

export function cloudflareFinding(view: RunView, context: ClassifyContext): Finding | null {
  const { reportedBy, failingHop, failure } = view.attribution;
  const detail = view.attribution.reporterFingerprint?.cloudflare;
  const verdict = detail ? cloudflareVerdict(detail) : null;
  if (!detail || !verdict || !reportedBy) return null;
  const origin = nextHopAfter(context, reportedBy);
  const deeperFailure = depthOf(context, failingHop) > depthOf(context, reportedBy);
  const originAnswersUs = !deeperFailure && origin !== null && view.result(origin)?.ok === true;
  const base: Finding = {
    ...verdict,
    failingHop: deeperFailure ? failingHop : origin ?? reportedBy,
    reportedBy,
    gateway: 'cloudflare',
    confidence: deeperFailure && CORROBORATING_FAILURES[verdict.cause]?.includes(failure ?? '') ? 0.9 : 0.8,
    failure,
    evidence: [{ observation: `Cloudflare answered ${detail.code}: ${detail.meaning}`, resultIds: [view.entry.id] }, ...chainEvidence(view)],
    regions: [view.region],
    hints: [],
    facts: { status: view.entry.status, cloudflare: detail },
  };
  if (originAnswersUs && (detail.code === 521 || detail.code === 522)) {
    // The origin answers hopwatch but not Cloudflare: a firewall or rate limit that drops Cloudflare's addresses.
    const originResult = view.result(origin!)!;
    return { ...base, cause: 'edge_filtering', confidence: 0.6, evidence: [...base.evidence, evidenceOf(originResult, 'checked directly, the origin answers: ')] };
  }
  return base;
}
