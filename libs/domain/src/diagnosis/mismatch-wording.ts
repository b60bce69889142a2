// Summary and next steps for the two causes that are not a broken hop: an answer that is not the expected one
// (content_mismatch), and a check the monitor itself could not make (probe_blocked).
import type { ClassifyContext } from './classify-context';
import type { Finding } from './finding';
import { hopSpec } from './observed';
import { addressOf, hopLabel, hopName, hostnameOf, urlOf } from './wording';

export function mismatchSentence(finding: Finding, context: ClassifyContext): string {
  const hop = hopLabel(context, finding.failingHop);
  const spec = finding.failingHop ? hopSpec(context.layout, finding.failingHop) : null;
  const status = finding.facts.status;
  if (finding.facts.errorCode === 'TOO_MANY_REDIRECTS') return `${hop} redirects in a loop (${finding.facts.errorMessage ?? 'too many redirects'}): fix the redirect rules or the scheme the app believes it is served on.`;
  if (finding.facts.errorCode === 'BODY_MISMATCH') {
    const wanted = spec?.bodyContains ? ` "${spec.bodyContains}"` : ' the expected text';
    return `${hop} answers ${status ?? 'successfully'} but without${wanted}: the page changed, or an error or maintenance page is served with a success status.`;
  }
  const expected = spec?.expectStatus ? ` where ${spec.expectStatus} is expected` : '';
  return `${hop} answers ${status ?? 'an unexpected status'}${expected}: ${statusMeaning(status)}.`;
}

export function mismatchSteps(finding: Finding, context: ClassifyContext): string[] {
  const url = urlOf(context, finding.failingHop);
  const spec = finding.failingHop ? hopSpec(context.layout, finding.failingHop) : null;
  const status = finding.facts.status ?? 0;
  if (finding.facts.errorCode === 'TOO_MANY_REDIRECTS') {
    return [
      `Follow the chain: curl -sIL --max-redirs 10 ${url} and look for the hop where it turns back.`,
      `An http↔https loop usually means a TLS-terminating proxy does not tell the app the original scheme (X-Forwarded-Proto) or both force a redirect; a www/apex loop means two rules disagree on the canonical host.`,
    ];
  }
  if (finding.facts.errorCode === 'BODY_MISMATCH') {
    return [
      `Fetch it and look for the text: curl -s ${url} | grep -c "${spec?.bodyContains ?? '…'}".`,
      `If the text changed on purpose, update the site's bodyContains; if an error or maintenance page came with a 2xx status, make it answer 5xx, or check that ${hopName(finding.failingHop)} routes to the right backend.`,
    ];
  }
  if (status >= 300 && status < 400) return [`See where it points: curl -sI ${url} (the Location header); if the redirect is intended, check the final URL instead or widen expectStatus.`];
  if (status === 401 || status === 403) return [`Check the authentication, IP allow lists and WAF rules at ${hopName(finding.failingHop)} for hopwatch's requests (curl -sv ${url}).`];
  return [
    `Check that the path exists and that the Host ${hostnameOf(context, finding.failingHop ?? 'entry')} reaches the right virtual host or route at ${addressOf(context, finding.failingHop)}: a default server answering means the vhost or route is missing (curl -sv ${url}).`,
    `If this answer is now expected, change the site's expectStatus.`,
  ];
}

function statusMeaning(status: number | null | undefined): string {
  if (!status) return 'check what it serves now';
  if (status >= 300 && status < 400) return 'it redirects instead of answering; check where to';
  if (status === 401 || status === 403) return 'it refuses hopwatch access; check authentication and allow rules';
  if (status === 404 || status === 410) return 'the path is not there; check the URL and the route or virtual host';
  if (status === 429) return 'it rate-limits hopwatch; lower the check rate or allow the monitor';
  return 'check the request and what it serves now';
}

export function blockedSentence(finding: Finding, context: ClassifyContext): string {
  if (finding.facts.errorCode === 'EADDRNOTAVAIL') {
    return `The monitor in ${finding.regions.join(', ') || 'this region'} cannot use its source address (EADDRNOTAVAIL), so it could not check ${hopLabel(context, finding.failingHop)}: the site itself may be fine.`;
  }
  return `hopwatch's target policy does not let it reach ${hopLabel(context, finding.failingHop)} (${finding.facts.errorMessage ?? 'TARGET_DENIED'}): nothing was checked; the site itself may be fine.`;
}

export function blockedSteps(finding: Finding): string[] {
  if (finding.facts.errorCode === 'EADDRNOTAVAIL') {
    return [`Check that HOPWATCH_SOURCE_ADDRESS of the worker in ${finding.regions.join(', ') || 'this region'} is assigned to one of its host's interfaces (ip addr), or unset it.`];
  }
  return [`If the address is meant to be checked, allow its range with HOPWATCH_TARGET_ALLOW on the workers; otherwise change the site's URL or connectTo.`];
}
