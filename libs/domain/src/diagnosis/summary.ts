// One sentence per diagnosis that names the hop, the gateway and what to do first.
import type { Cause } from './cause';
import type { ClassifyContext } from './classify-context';
import type { Finding } from './finding';
import { backendSentence } from './backend-wording';
import { blockedSentence, mismatchSentence } from './mismatch-wording';
import { addressOf, gatewayAt, hopLabel, hopName, hostnameOf, list, seconds } from './wording';

type Sentence = (finding: Finding, context: ClassifyContext) => string;

const answers = (finding: Finding): string => (finding.facts.status ? `answers ${finding.facts.status}` : 'fails');
const reporterPhrase = (finding: Finding): string => gatewayAt(finding.gateway, finding.reportedBy);
const relayed = (finding: Finding): boolean => finding.reportedBy !== null && finding.reportedBy !== finding.failingHop;

const SENTENCES: Record<Cause, Sentence> = {
  origin_down: (finding, context) => {
    if (finding.facts.cloudflare) return `Cloudflare cannot connect to ${hopLabel(context, finding.failingHop)} (${finding.facts.cloudflare.code}): start it, or let Cloudflare's addresses reach ${addressOf(context, finding.failingHop)}.`;
    const what = finding.failure === 'unreachable' ? 'is unreachable' : 'refuses connections';
    if (relayed(finding)) return `${hopLabel(context, finding.failingHop)} ${what} at ${addressOf(context, finding.failingHop)}, so ${reporterPhrase(finding)} ${answers(finding)}: start it, or point ${hopName(finding.reportedBy)} at the port it listens on.`;
    return `${hopLabel(context, finding.failingHop)} ${what} at ${addressOf(context, finding.failingHop)}: start the service there or fix the address it is published on.`;
  },
  origin_timeout: (finding, context) => {
    if (finding.facts.cloudflare) return `${hopLabel(context, finding.failingHop)} did not answer Cloudflare in time (${finding.facts.cloudflare.code}): find what slows or blocks it, or what drops Cloudflare's connections.`;
    const took = finding.failure === 'slow' ? `took ${seconds(finding.facts.failingElapsedMs)}` : finding.failure === 'connect_timeout' ? 'did not accept the connection in time' : 'did not answer in time';
    if (relayed(finding)) return `${hopLabel(context, finding.failingHop)} is too slow for ${reporterPhrase(finding)}, which ${answers(finding)} after ${seconds(finding.facts.reporterElapsedMs)} (checked directly it ${took}): find what slows it down or raise the gateway's timeout.`;
    return `${hopLabel(context, finding.failingHop)} ${took}: find what blocks or slows it (firewall drops, saturation).`;
  },
  origin_bad_response: (finding, context) => {
    if (finding.facts.cloudflare) return `${hopLabel(context, finding.failingHop)} gives Cloudflare an empty or unexpected answer (${finding.facts.cloudflare.code}): look for crashes, resets or broken HTTP/2 on ${addressOf(context, finding.failingHop)}.`;
    if (finding.hints.includes('keepalive_race')) return `${reporterPhrase(finding)} sporadically ${answers(finding)} while ${hopLabel(context, finding.failingHop)} answers when checked directly: likely the keep-alive race; make its keep-alive timeout longer than the gateway's.`;
    const what = finding.failure === 'invalid_response' ? 'answers with something that is not valid HTTP' : 'accepts connections but closes or resets them before answering';
    return `${hopLabel(context, finding.failingHop)} ${what}${relayed(finding) ? `, so ${reporterPhrase(finding)} ${answers(finding)}` : ''}: look for crashes, restarts or the wrong protocol on ${addressOf(context, finding.failingHop)}.`;
  },
  origin_error: (finding, context) => `${hopLabel(context, finding.failingHop)} answers ${finding.facts.status ?? 'an error'} itself and the chain passes it on: the fault is in its application; read its logs for these requests.`,
  proxy_misconfigured: (finding, context) => {
    const behind = finding.facts.healthyBehind ?? [];
    return `${reporterPhrase(finding)} ${answers(finding)} although ${behind.length > 0 ? `${list(behind)} answer${behind.length === 1 ? 's' : ''}` : 'the hops behind it answer'} fine when checked directly: check ${hopName(finding.reportedBy)}'s upstream address and port (expected ${addressOf(context, behind[behind.length - 1] ?? null)}).`;
  },
  tls_failure: (finding, context) => {
    const why = finding.facts.cloudflare ? `Cloudflare ${finding.facts.cloudflare.code}` : finding.facts.errorCode ?? 'handshake failed';
    const expiry = finding.facts.tls?.validTo ? `, certificate valid to ${finding.facts.tls.validTo}` : '';
    const tail = relayed(finding) ? `, so ${reporterPhrase(finding)} ${answers(finding)}` : '';
    const fix = finding.proxyStatus === 'tls_certificate_error' ? 'fix its certificate (expiry, name, chain) or the SNI the client sends' : 'check that it speaks TLS on that port and shares a protocol version and cipher with the client';
    return `TLS to ${hopLabel(context, finding.failingHop)} fails (${why}${expiry})${tail}: ${fix}.`;
  },
  dns_failure: (finding, context) => {
    const resolvers = finding.facts.resolvers?.failing ?? [];
    if (finding.facts.cloudflare) return `Cloudflare cannot resolve the name of ${hopLabel(context, finding.failingHop)} (530 / 1016): fix its DNS record.`;
    return `${hostnameOf(context, finding.failingHop ?? 'entry')} does not resolve (${finding.facts.errorCode ?? 'no answer'})${resolvers.length > 0 ? ` on ${list(resolvers)}` : ''}: fix its DNS records or delegation.`;
  },
  dns_inconsistent: (finding, context) => {
    const resolvers = finding.facts.resolvers!;
    return `Resolvers disagree about ${hostnameOf(context, 'entry')}: ${list(resolvers.failing)} answered ${list(resolvers.badAnswers)}, where the entry fails, while ${list(resolvers.answering)} answered ${list(resolvers.goodAnswers)}: remove the stale records or fix the resolver that serves them.`;
  },
  edge_filtering: (finding, context) => {
    const regions = finding.facts.failingRegions ?? finding.regions;
    const fine = finding.facts.healthyRegions ?? [];
    if (finding.facts.cloudflare) return `${hopLabel(context, finding.failingHop)} answers hopwatch but refuses Cloudflare (${finding.facts.cloudflare.code}): allow Cloudflare's address ranges in its firewall or rate limits.`;
    const sources = regions.map((region) => context.regionSourceAddresses[region]).filter(Boolean);
    if (fine.length === 0) return `${gatewayAt(finding.gateway, finding.failingHop)} turns hopwatch's requests away (${finding.facts.status ?? finding.facts.errorCode ?? 'refused'}) from every region: check its WAF, bot and rate-limit rules for the monitor's source addresses.`;
    return `${hopLabel(context, finding.failingHop)} turns away requests from ${list(regions)}${sources.length > 0 ? ` (${list(sources)})` : ''}${fine.length > 0 ? ` while ${list(fine)} get through` : ''}: check firewall, WAF and rate-limit rules for those source addresses.`;
  },
  overload: (finding, context) => {
    const rise = finding.facts.risingHops?.find((candidate) => candidate.hop === finding.failingHop);
    if (!rise) return `${reporterPhrase(finding)} sheds load (${finding.facts.status ?? 'error'}${finding.facts.gatewayDetail ? `, ${finding.facts.gatewayDetail}` : ''}): the upstream behind it is at its connection or request limit; add capacity or raise the limit deliberately.`;
    const slowed = ` slowed from ${seconds(rise.baselineMs)} to ${seconds(rise.recentMs)}`;
    return `${hopLabel(context, finding.failingHop)}${slowed} as ${reporterPhrase(finding)} began to answer ${finding.facts.status ?? 'errors'}: it is overloaded; add capacity or shed load there.`;
  },
  backend_failing: backendSentence,
  content_mismatch: mismatchSentence,
  probe_blocked: blockedSentence,
  heartbeat_missed: (finding) => `The job did not ping in time (${finding.facts.heartbeat ?? 'no ping'}): check that it still runs (cron, scheduler, its host) and can reach hopwatch.`,
  job_failed: (finding) => `The job reported a failure (${finding.facts.heartbeat ?? 'a /fail ping'}): read its output and logs for that run.`,
  unknown: (finding, context) => `${hopLabel(context, finding.failingHop)} fails and no rule explains it (${finding.evidence[0]?.observation ?? 'no detail'}): compare the answers hop by hop.`,
};

// The gateway is the innermost hop hopwatch checks, so what failed behind it can only be inferred from its page.
const UNMONITORED: Partial<Record<Cause, string>> = {
  origin_down: 'the page suggests it is down or refusing',
  origin_timeout: 'the page says it did not answer in time',
  origin_bad_response: 'the page says it closed the connection or answered invalid HTTP',
  tls_failure: 'the page says TLS to it failed',
  dns_failure: 'the page says its name did not resolve',
};

export function summarise(finding: Finding, context: ClassifyContext): string {
  const unmonitored = finding.facts.upstreamUnmonitored && UNMONITORED[finding.cause];
  const sentence = unmonitored
    ? `${reporterPhrase(finding)} ${answers(finding)} about an upstream hopwatch does not check (${unmonitored}): add that upstream as a hop so hopwatch can name it, and check it in ${hopName(finding.reportedBy)}'s configuration.`
    : SENTENCES[finding.cause](finding, context);
  // Hop names, host names and product names keep their case; only a leading article is capitalised.
  return sentence.startsWith('the ') ? `The ${sentence.slice(4)}` : sentence;
}
