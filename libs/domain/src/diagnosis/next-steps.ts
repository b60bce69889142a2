// What to check next, specific to the cause, naming the real hops, addresses and the gateway's own log lines.
import type { Cause } from './cause';
import type { ClassifyContext } from './classify-context';
import type { Finding } from './finding';
import { gatewayLogHint, type Situation } from './gateway-log-hints';
import type { ProxyErrorType } from './proxy-status';
import { cloudflareSteps } from './cloudflare-steps';
import { backendFailureCause, backendSteps } from './backend-wording';
import { blockedSteps, mismatchSteps } from './mismatch-wording';
import { hopSpec } from './observed';
import { addressOf, hopName, hostnameOf, list, seconds, slotTime, urlOf } from './wording';
import { withoutPassword } from '../site/url-redaction';

type Steps = (finding: Finding, context: ClassifyContext) => string[];

const CAUSE_STEPS: Record<Cause, Steps> = {
  origin_down: (finding, context) => [
    `Check that something listens on ${addressOf(context, finding.failingHop)}: from ${hopName(finding.reportedBy ?? finding.failingHop)}'s host run ${probeCommand(context, finding.failingHop)} or "ss -ltnp" there.`,
    `Check ${hopName(finding.failingHop)}'s process or container state (systemctl status, docker ps, kubectl get pods) and its last log lines and dmesg for a crash or OOM kill.`,
  ],
  origin_timeout: (finding, context) => [
    finding.failure === 'connect_timeout'
      ? `Connections to ${addressOf(context, finding.failingHop)} are not accepted in time: look for a firewall or security group dropping packets, a wrong address, or a full accept queue.`
      : `Time ${hopName(finding.failingHop)} directly: curl -o /dev/null -w '%{time_starttransfer}' ${curlTarget(context, finding.failingHop)}; then look for slow queries, locks or saturated workers behind it.`,
    ...(finding.reportedBy && finding.reportedBy !== finding.failingHop && finding.facts.reporterElapsedMs
      ? [`Compare ${hopName(finding.reportedBy)}'s upstream timeout with how long ${hopName(finding.failingHop)} needs: the error arrived after ${seconds(finding.facts.reporterElapsedMs)}, which is usually that timer.`]
      : []),
  ],
  origin_bad_response: (finding, context) => [
    `Read ${hopName(finding.failingHop)}'s logs around the failures for crashes, worker restarts or recycling, and dmesg for OOM kills.`,
    `Look at its raw reply: run ${probeCommand(context, finding.failingHop)} (a reply that is not HTTP means the wrong service or protocol on ${addressOf(context, finding.failingHop)}).`,
  ],
  origin_error: (finding) => [
    `Read ${hopName(finding.failingHop)}'s application logs and error tracker for the ${finding.facts.status ?? '5xx'} answers, and check what was deployed or changed just before they began.`,
  ],
  proxy_misconfigured: (finding, context) => [
    `Compare the upstream ${hopName(finding.reportedBy)} is configured to use with where ${list((finding.facts.healthyBehind ?? []).map(hopName)) || 'the next hop'} listens (${addressOf(context, finding.facts.healthyBehind?.[0] ?? null)}), and look for a config change or reload just before the errors.`,
  ],
  tls_failure: (finding, context) => [
    `Inspect the certificate: openssl s_client -connect ${addressOf(context, finding.failingHop)} -servername ${hostnameOf(context, finding.failingHop ?? 'entry')} -showcerts (expiry${finding.facts.tls?.validTo ? ` ${finding.facts.tls.validTo}` : ''}, names, intermediate chain).`,
    ...(finding.reportedBy && finding.reportedBy !== finding.failingHop ? [`Check that ${hopName(finding.reportedBy)} sends the right SNI and trusts the issuer when it connects to ${hopName(finding.failingHop)}.`] : []),
  ],
  dns_failure: (finding, context) => {
    const host = hostnameOf(context, finding.failingHop ?? 'entry');
    const resolvers = finding.facts.resolvers?.failing ?? [];
    return [
      ...(resolvers.length > 0 ? resolvers.map((resolver) => `Run "${dig(host, resolver)}" and compare with the zone's authoritative servers.`) : [`Run "dig ${host}" and "dig +trace ${host}".`]),
      `Check the record exists and the zone's NS delegation and DNSSEC are valid (SERVFAIL often means a broken DNSSEC chain).`,
    ];
  },
  dns_inconsistent: (finding, context) => {
    const resolvers = finding.facts.resolvers!;
    const host = hostnameOf(context, 'entry');
    return [
      ...[...resolvers.failing, ...resolvers.answering].map((resolver) => `Run "${dig(host, resolver)}".`),
      `Find who still serves ${list(resolvers.badAnswers)}: a stale record waiting out its TTL, a split-horizon or VPN resolver, or an old server that should be retired.`,
    ];
  },
  edge_filtering: (finding, context) => {
    if (finding.facts.cloudflare) return [`Check ${hopName(finding.failingHop)}'s firewall, security groups and rate limits for Cloudflare's published IP ranges.`];
    const regions = finding.facts.failingRegions ?? finding.regions;
    const healthy = finding.facts.healthyRegions ?? [];
    const sources = regions.map((region) => context.regionSourceAddresses[region] ?? `${region}'s source address`);
    return [
      `Check firewall, WAF, geo, bot and rate-limit rules at ${hopName(finding.failingHop)} for ${list(sources)}, and its security or firewall log for those addresses.`,
      healthy.length > 0
        ? `Compare a request from ${list(regions)} with one from ${list(healthy)}: same URL, same resolver; only the source address should differ.`
        : `Request ${withoutPassword(context.layout.entry.url)} from another network: if it passes there, the rules match the monitor's addresses.`,
    ];
  },
  overload: (finding) => [
    `Look at CPU, memory, connection pools and queue depth on ${hopName(finding.failingHop)} from just before the errors began; latency rose first.`,
    `Add capacity or autoscaling, or shed load (rate limits, caching) in front of ${hopName(finding.failingHop)}.`,
  ],
  backend_failing: (finding, context) => [...backendSteps(finding.facts.backend!), ...CAUSE_STEPS[backendFailureCause(finding.failure)](finding, context)],
  content_mismatch: mismatchSteps,
  probe_blocked: blockedSteps,
  heartbeat_missed: () => [
    'Check that the job is still scheduled and its host is up (crontab -l, systemctl list-timers, the scheduler of your platform).',
    "Run the job by hand and watch that its last step calls the ping URL; a firewall or proxy between the job and hopwatch blocks the ping as surely as a job that did not run.",
  ],
  job_failed: () => [
    "Read the failed run's output and exit code, fix the cause, and run it again: its next success ping resolves the incident.",
  ],
  unknown: (finding, context) => [
    ...(finding.facts.errorMessage ? [`The probe said: ${finding.facts.errorMessage}.`] : []),
    `Compare the raw answers hop by hop: curl -sv ${withoutPassword(context.layout.entry.url)}${context.layout.hops.length > 0 ? ", then each hop's URL" : ''}.`,
    context.layout.hops.length > 0
      ? `If a layer between them is not listed (a CDN, a load balancer, a sidecar), add it as a hop so hopwatch can tell which one fails.`
      : `Add the hops behind the entry (load balancer, proxy, app) to the site so hopwatch can tell which one fails.`,
  ],
};

const SITUATION_BY_PROXY_STATUS: Partial<Record<ProxyErrorType, Situation>> = {
  connection_refused: 'refused',
  destination_unavailable: 'unavailable',
  destination_ip_unroutable: 'refused',
  connection_timeout: 'connect_timeout',
  http_response_timeout: 'response_timeout',
  connection_read_timeout: 'response_timeout',
  connection_terminated: 'reset',
  http_response_incomplete: 'reset',
  http_protocol_error: 'invalid',
  tls_protocol_error: 'tls',
  tls_certificate_error: 'tls',
  proxy_configuration_error: 'misconfigured',
};

const SITUATION_BY_CAUSE: Partial<Record<Cause, Situation>> = {
  origin_down: 'refused',
  origin_timeout: 'response_timeout',
  origin_bad_response: 'reset',
  overload: 'response_timeout',
};

export function nextStepsFor(finding: Finding, context: ClassifyContext): string[] {
  const steps = finding.facts.upstreamUnmonitored ? unmonitoredSteps(finding) : [...CAUSE_STEPS[finding.cause](finding, context)];
  const behind = behindReporter(finding, context);
  const logHint = gatewayLogHint(finding.gateway, situationOf(finding), { upstream: behind ? addressOf(context, behind) : 'its upstream', hop: behind ? hopName(behind) : 'its upstream' });
  if (logHint) steps.unshift(`${logHint}.`);
  if (finding.facts.cloudflare) steps.unshift(...cloudflareSteps(finding.facts.cloudflare, hopName(finding.failingHop)));
  steps.push(...hintSteps(finding, context));
  return [...new Set(steps)];
}

function situationOf(finding: Finding): Situation | null {
  if (finding.hints.includes('keepalive_race')) return 'keepalive';
  if (finding.cause === 'proxy_misconfigured') return 'misconfigured';
  if (finding.cause === 'tls_failure') return 'tls';
  if (finding.failure === 'refused' || finding.failure === 'unreachable') return 'refused';
  if (finding.failure === 'connect_timeout') return 'connect_timeout';
  if (finding.failure === 'response_timeout' || finding.failure === 'slow') return 'response_timeout';
  if (finding.failure === 'reset') return 'reset';
  if (finding.failure === 'invalid_response') return 'invalid';
  return (finding.proxyStatus && SITUATION_BY_PROXY_STATUS[finding.proxyStatus]) || SITUATION_BY_CAUSE[finding.cause] || null;
}

// The hop the reporting gateway was trying to reach: the failing hop, or the one right behind the gateway.
function behindReporter(finding: Finding, context: ClassifyContext): string | null {
  if (finding.failingHop && finding.failingHop !== finding.reportedBy) return finding.failingHop;
  const index = finding.reportedBy ? context.order.indexOf(finding.reportedBy) : -1;
  return index >= 0 && index < context.order.length - 1 ? context.order[index + 1] : null;
}

function hintSteps(finding: Finding, context: ClassifyContext): string[] {
  const steps: string[] = [];
  for (const window of context.pattern?.deployWindows ?? []) {
    steps.push(`Compare ${slotTime(window.fromSlot)}–${slotTime(window.toSlot)} (${window.region}) with your deploy and restart log; graceful shutdown, readiness checks and connection draining (a preStop delay) stop gateways sending to an instance that is going away.`);
  }
  if (finding.hints.includes('keepalive_race')) {
    steps.push(`Make ${hopName(finding.failingHop)}'s idle keep-alive timeout longer than ${hopName(finding.reportedBy)}'s upstream keep-alive (Node.js closes idle connections after 5 s unless server.keepAliveTimeout is raised; AWS ALB keeps 60 s, Google's front end 600 s).`);
  }
  return steps;
}

function unmonitoredSteps(finding: Finding): string[] {
  return [
    `Find the upstream ${hopName(finding.reportedBy)} sends these requests to in its configuration, check that service directly, and add it to the site as a hop so hopwatch can check it on every run.`,
  ];
}

function probeCommand(context: ClassifyContext, target: string | null): string {
  const spec = target ? hopSpec(context.layout, target) : null;
  if (spec?.kind === 'tcp') return `"nc -vz ${addressOf(context, target).replace(/:(\d+)$/, ' $1')}"`;
  return `"curl -sv ${curlTarget(context, target)}"`;
}

// a pinned hop (connectTo, a balancer's backend) must be reached at its own address, not where its URL resolves
function curlTarget(context: ClassifyContext, target: string | null): string {
  const spec = target ? hopSpec(context.layout, target) : null;
  return spec?.connectTo ? `--connect-to ::${spec.connectTo} ${urlOf(context, target)}` : urlOf(context, target);
}

function dig(host: string, resolver: string): string {
  return resolver === 'system' ? `dig ${host}` : `dig ${host} @${resolver}`;
}
