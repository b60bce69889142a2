import { detectPattern, type PatternVerdict } from '../patterns/detect-pattern';
import {
  APP,
  PROXY,
  aHop,
  aLayout,
  aRun,
  answered,
  connectTimeout,
  dnsAnswer,
  failed,
  ok,
  outcomes,
  pageFrom,
  refused,
  reset,
  responseTimeout,
  T0_SLOT,
  tlsFailure,
} from '../../test-support/builders';
import { classify, type ClassifyInput } from './classify';
import type { Diagnosis } from './diagnosis';

const NOW = new Date((T0_SLOT + 3600) * 1000);
const pattern = (byRegion: Record<string, string>, hopLatencyMs?: (index: number) => Record<string, number | null>): PatternVerdict =>
  detectPattern({ outcomes: Object.fromEntries(Object.entries(byRegion).map(([region, picture]) => [region, outcomes(picture, { hopLatencyMs })])), now: NOW });

const PERSISTENT = pattern({ default: '........55' });
const INTERMITTENT = pattern({ default: '..5....5..' });
const LB = aHop({ target: 'lb', role: 'load_balancer', url: 'http://10.0.0.1/' });
const ORIGIN = aHop({ target: 'origin', role: 'app', url: 'https://origin.example.com/' });
const slowApp = (ms: number) => ok('app', { timings: { dnsMs: 0, connectMs: 1, tlsMs: null, ttfbMs: ms, totalMs: ms + 5 } });

type Case = {
  name: string;
  input: ClassifyInput;
  expected: Partial<Diagnosis>;
  summaryMentions?: string[];
  nextStepsMention?: string[];
};

const cases: Case[] = [
  {
    name: 'the app refuses connections behind nginx',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-502-refused'), pageFrom('proxy', 'nginx-502-refused'), refused('app')])], pattern: PERSISTENT },
    expected: { cause: 'origin_down', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx', proxyStatus: 'connection_refused' },
    summaryMentions: ['app', 'nginx', '10.0.0.3:3000'],
    nextStepsMention: ['connect() failed (111: Connection refused) while connecting to upstream', '10.0.0.3:3000'],
  },
  {
    name: 'the app accepts then resets behind nginx',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-502-reset'), pageFrom('proxy', 'nginx-502-reset'), reset('app')])], pattern: PERSISTENT },
    expected: { cause: 'origin_bad_response', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx', proxyStatus: 'connection_terminated' },
    nextStepsMention: ['recv() failed (104: Connection reset by peer)', 'upstream prematurely closed connection'],
  },
  {
    name: 'the app answers bytes that are not HTTP (nginx relays them as HTTP/0.9)',
    input: { layout: aLayout(), runs: [aRun([failed('entry', 'INVALID_RESPONSE'), failed('proxy', 'INVALID_RESPONSE'), failed('app', 'INVALID_RESPONSE')])], pattern: PERSISTENT },
    expected: { cause: 'origin_bad_response', failingHop: 'app', reportedBy: null, proxyStatus: 'http_protocol_error' },
  },
  {
    name: 'the app times out behind an nginx 504',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-504-read-timeout'), pageFrom('proxy', 'nginx-504-read-timeout'), responseTimeout('app')])], pattern: PERSISTENT },
    expected: { cause: 'origin_timeout', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx', proxyStatus: 'http_response_timeout' },
    nextStepsMention: ['upstream timed out (110: Connection timed out) while reading response header from upstream', 'proxy_read_timeout'],
  },
  {
    name: 'the app is slower than haproxy waits (504, app answers after 1.5 s)',
    input: { layout: aLayout([LB, APP]), runs: [aRun([pageFrom('entry', 'haproxy-504-server-timeout'), pageFrom('lb', 'haproxy-504-server-timeout'), slowApp(1500)])], pattern: PERSISTENT },
    expected: { cause: 'origin_timeout', failingHop: 'app', reportedBy: 'lb', gateway: 'haproxy', proxyStatus: 'http_response_timeout' },
    nextStepsMention: ['sH--', 'timeout server'],
  },
  {
    name: 'Apache answers 502 after its timer while the app is slow',
    input: { layout: aLayout([PROXY, APP]), runs: [aRun([pageFrom('entry', 'apache-502-read-timeout'), pageFrom('proxy', 'apache-502-read-timeout'), slowApp(2000)])], pattern: PERSISTENT },
    expected: { cause: 'origin_timeout', failingHop: 'app', reportedBy: 'proxy', gateway: 'apache' },
    nextStepsMention: ['AH01102', '(70007)'],
  },
  {
    name: 'nginx gives up after its default 60 s: the evidence names the timer',
    input: {
      layout: aLayout(),
      runs: [aRun([pageFrom('entry', 'nginx-504-read-timeout', { timings: { dnsMs: 1, connectMs: 2, tlsMs: null, ttfbMs: 60_010, totalMs: 60_012 } }), failed('proxy', 'MISSED'), responseTimeout('app')])],
      pattern: PERSISTENT,
    },
    expected: { cause: 'origin_timeout', failingHop: 'app', reportedBy: 'entry', evidence: expect.arrayContaining([expect.objectContaining({ observation: expect.stringContaining("nginx's proxy_read_timeout") })]) },
  },
  {
    name: 'Apache relays a non-HTTP reply as 200 and the body check catches it',
    input: { layout: aLayout([PROXY, APP]), runs: [aRun([pageFrom('entry', 'apache-passes-non-http-as-200', { errorCode: 'BODY_MISMATCH' }), pageFrom('proxy', 'apache-passes-non-http-as-200', { errorCode: 'BODY_MISMATCH' }), failed('app', 'INVALID_RESPONSE')])], pattern: PERSISTENT },
    expected: { cause: 'origin_bad_response', failingHop: 'app', proxyStatus: 'http_protocol_error' },
  },
  {
    name: 'the app does not even accept the connection in time',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-504-connect-timeout'), pageFrom('proxy', 'nginx-504-connect-timeout'), connectTimeout('app')])], pattern: PERSISTENT },
    expected: { cause: 'origin_timeout', failingHop: 'app', proxyStatus: 'connection_timeout' },
    nextStepsMention: ['while connecting to upstream'],
  },
  {
    name: 'nginx points at the wrong port while the app answers directly',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-502-refused'), pageFrom('proxy', 'nginx-502-refused'), ok('app')])], pattern: PERSISTENT },
    expected: { cause: 'proxy_misconfigured', failingHop: 'proxy', reportedBy: 'proxy', gateway: 'nginx' },
    summaryMentions: ['nginx at proxy', 'app'],
    nextStepsMention: ['nginx -T', '10.0.0.3:3000'],
  },
  {
    name: 'haproxy\'s server line points nowhere while the app answers directly',
    input: { layout: aLayout([LB, APP]), runs: [aRun([pageFrom('entry', 'haproxy-503-refused'), pageFrom('lb', 'haproxy-503-refused'), ok('app')])], pattern: PERSISTENT },
    expected: { cause: 'proxy_misconfigured', failingHop: 'lb', reportedBy: 'lb', gateway: 'haproxy', proxyStatus: 'destination_unavailable' },
    nextStepsMention: ['haproxy.cfg'],
  },
  {
    name: 'sporadic nginx 502s while the app answers directly: the keep-alive race',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-502-prematurely-closed'), pageFrom('proxy', 'nginx-502-prematurely-closed'), ok('app')])], pattern: INTERMITTENT },
    expected: { cause: 'origin_bad_response', failingHop: 'app', reportedBy: 'proxy', hints: ['keepalive_race'], proxyStatus: 'connection_terminated' },
    nextStepsMention: ['keep-alive', 'upstream prematurely closed connection'],
  },
  {
    name: 'the app resets about 30% of requests: intermittent resets',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-502-reset'), pageFrom('proxy', 'nginx-502-reset'), reset('app')])], pattern: pattern({ default: '.5..5.5..5' }) },
    // a fresh direct connection resets too, so this is the app, not the keep-alive race
    expected: { cause: 'origin_bad_response', failingHop: 'app', hints: [] },
  },
  {
    name: 'the app answers 500 and nginx passes it on',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-relays-app-500'), pageFrom('proxy', 'nginx-relays-app-500'), answered('app', 500, { bodySnippet: 'app: database unavailable\n' })])], pattern: pattern({ default: '.....FFFFF' }) },
    expected: { cause: 'origin_error', failingHop: 'app', reportedBy: 'app', gateway: 'unknown', proxyStatus: null },
    summaryMentions: ['app', '500'],
  },
  {
    name: 'the app fails ~30% with its own 500s',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-relays-app-500'), pageFrom('proxy', 'nginx-relays-app-500'), answered('app', 500, { bodySnippet: 'app: database unavailable\n' })])], pattern: pattern({ default: '..F..F...F' }) },
    expected: { cause: 'origin_error', failingHop: 'app', hints: [] },
  },
  {
    name: 'the app presents an expired certificate to nginx',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-502-reset'), pageFrom('proxy', 'nginx-502-reset'), tlsFailure('app', 'CERT_HAS_EXPIRED')])], pattern: PERSISTENT },
    expected: { cause: 'tls_failure', failingHop: 'app', reportedBy: 'proxy', proxyStatus: 'tls_certificate_error' },
    summaryMentions: ['2025-10-01'],
    nextStepsMention: ['openssl s_client -connect 10.0.0.3:3000', 'SSL_do_handshake() failed'],
  },
  {
    name: 'the entry\'s own certificate does not match its name',
    input: { layout: aLayout(), runs: [aRun([tlsFailure('entry', 'CERT_HOSTNAME_MISMATCH'), ok('proxy'), ok('app')])], pattern: PERSISTENT },
    expected: { cause: 'tls_failure', failingHop: 'entry', reportedBy: null, proxyStatus: 'tls_certificate_error' },
    nextStepsMention: ['-servername shop.example.com'],
  },
  {
    name: 'TLS spoken to a plain port (EPROTO) is a protocol error',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-502-reset'), pageFrom('proxy', 'nginx-502-reset'), failed('app', 'EPROTO')])], pattern: PERSISTENT },
    expected: { cause: 'tls_failure', proxyStatus: 'tls_protocol_error' },
  },
  {
    name: 'the entry resets connections from one region only while the other is fine',
    input: {
      layout: aLayout(),
      runs: [aRun([reset('entry'), ok('proxy'), ok('app')], { region: 'vpn' }), aRun([ok('entry'), ok('proxy'), ok('app')], { region: 'home' })],
      pattern: pattern({ vpn: '........RR', home: '..........' }),
      regionSourceAddresses: { vpn: '127.0.0.2', home: '127.0.0.1' },
    },
    expected: { cause: 'edge_filtering', failingHop: 'entry', reportedBy: null, regions: ['vpn'], proxyStatus: 'destination_ip_prohibited' },
    summaryMentions: ['vpn', '127.0.0.2', 'home'],
    nextStepsMention: ['127.0.0.2'],
  },
  {
    name: 'the edge answers 502 to one region only (the seeds\' VPN case without DNS differences)',
    input: {
      layout: aLayout(),
      runs: [aRun([pageFrom('entry', 'cloudflare-502-edge-plain'), ok('proxy'), ok('app')], { region: 'vpn' }), aRun([ok('entry'), ok('proxy'), ok('app')], { region: 'home' })],
      pattern: pattern({ vpn: '.......555', home: '..........' }),
    },
    expected: { cause: 'edge_filtering', failingHop: 'entry', reportedBy: 'entry', gateway: 'cloudflare', proxyStatus: 'http_request_denied' },
  },
  {
    name: 'an inner firewall drops one region\'s source address',
    input: {
      layout: aLayout(),
      runs: [aRun([pageFrom('entry', 'nginx-504-connect-timeout'), connectTimeout('proxy'), ok('app')], { region: 'eu' }), aRun([ok('entry'), ok('proxy'), ok('app')], { region: 'us' })],
      pattern: pattern({ eu: '........44', us: '..........' }),
    },
    expected: { cause: 'edge_filtering', failingHop: 'proxy', regions: ['eu'] },
  },
  {
    name: 'resolvers disagree and the failing region follows the stale answer',
    input: {
      layout: aLayout([]),
      runs: [
        aRun([pageFrom('entry', 'nginx-502-refused', { remoteAddress: '198.51.100.7' }), dnsAnswer('10.8.0.1', ['198.51.100.7'])], { region: 'vpn', dnsDisagreement: true }),
        aRun([ok('entry', { remoteAddress: '203.0.113.10' }), dnsAnswer('1.1.1.1', ['203.0.113.10'])], { region: 'home', dnsDisagreement: true }),
      ],
      pattern: pattern({ vpn: '........55', home: '..........' }),
    },
    expected: { cause: 'dns_inconsistent', failingHop: 'entry', proxyStatus: 'dns_error', regions: ['vpn'] },
    summaryMentions: ['10.8.0.1', '198.51.100.7', '1.1.1.1', '203.0.113.10'],
    nextStepsMention: ['dig shop.example.com @10.8.0.1'],
  },
  {
    name: 'resolvers disagree in one region and its failures follow one answer set',
    input: {
      layout: aLayout([]),
      runs: [aRun([refused('entry', { remoteAddress: '198.51.100.7' }), dnsAnswer('system', ['198.51.100.7']), dnsAnswer('1.1.1.1', ['203.0.113.10'])], { dnsDisagreement: true })],
      pattern: PERSISTENT,
    },
    expected: { cause: 'dns_inconsistent', failingHop: 'entry' },
  },
  {
    name: 'the entry name does not resolve on any resolver',
    input: { layout: aLayout(), runs: [aRun([failed('entry', 'ENOTFOUND'), dnsAnswer('1.1.1.1', [], 'NXDOMAIN'), dnsAnswer('8.8.8.8', [], 'NXDOMAIN')])], pattern: PERSISTENT },
    expected: { cause: 'dns_failure', failingHop: 'entry', reportedBy: null, proxyStatus: 'dns_error', confidence: 0.9 },
    summaryMentions: ['shop.example.com', '1.1.1.1', '8.8.8.8'],
    nextStepsMention: ['dig shop.example.com @1.1.1.1'],
  },
  {
    name: 'the entry name times out on the resolver',
    input: { layout: aLayout(), runs: [aRun([failed('entry', 'DNS_TIMEOUT'), dnsAnswer('10.0.0.53', [], 'TIMEOUT')])], pattern: PERSISTENT },
    expected: { cause: 'dns_failure', proxyStatus: 'dns_timeout' },
  },
  {
    name: 'errors come with a latency rise on the app: overload',
    input: {
      layout: aLayout(),
      runs: [aRun([pageFrom('entry', 'nginx-504-read-timeout'), pageFrom('proxy', 'nginx-504-read-timeout'), responseTimeout('app')])],
      pattern: pattern({ default: '.......4.4' }, (index) => ({ proxy: 5, app: index < 6 ? 40 : 900 })),
    },
    expected: { cause: 'overload', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx', proxyStatus: 'http_response_timeout' },
    summaryMentions: ['app', 'overloaded'],
  },
  {
    name: 'Cloudflare 521 and the origin refuses us too',
    input: { layout: aLayout([ORIGIN]), runs: [aRun([pageFrom('entry', 'cloudflare-521'), refused('origin')])], pattern: PERSISTENT },
    expected: { cause: 'origin_down', failingHop: 'origin', reportedBy: 'entry', gateway: 'cloudflare', proxyStatus: 'connection_refused', confidence: 0.9 },
    nextStepsMention: ['Cloudflare 521'],
  },
  {
    name: 'Cloudflare 521 while the origin answers us directly: it refuses Cloudflare',
    input: { layout: aLayout([ORIGIN]), runs: [aRun([pageFrom('entry', 'cloudflare-521'), ok('origin')])], pattern: PERSISTENT },
    expected: { cause: 'edge_filtering', failingHop: 'origin', gateway: 'cloudflare' },
    summaryMentions: ["Cloudflare's address ranges"],
  },
  ...([
    ['cloudflare-520', 'origin_bad_response', 'http_protocol_error'],
    ['cloudflare-522', 'origin_timeout', 'connection_timeout'],
    ['cloudflare-523', 'origin_down', 'destination_ip_unroutable'],
    ['cloudflare-524', 'origin_timeout', 'http_response_timeout'],
    ['cloudflare-525', 'tls_failure', 'tls_protocol_error'],
    ['cloudflare-526', 'tls_failure', 'tls_certificate_error'],
    ['cloudflare-530-1016', 'dns_failure', 'dns_error'],
  ] as const).map(([fixture, cause, proxyStatus]) => ({
    name: `${fixture} with no direct check of the origin`,
    input: { layout: aLayout([ORIGIN]), runs: [aRun([pageFrom('entry', fixture), failed('origin', 'MISSED')])], pattern: PERSISTENT },
    expected: { cause, proxyStatus, failingHop: 'origin', reportedBy: 'entry', gateway: 'cloudflare' as const },
  })),
  {
    name: 'Cloudflare rebrands an nginx 502 from behind it; the app refuses',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'cloudflare-502-origin-rebranded'), pageFrom('proxy', 'nginx-502-refused'), refused('app')])], pattern: PERSISTENT },
    expected: { cause: 'origin_down', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx' },
  },
  {
    name: 'Proxy-Status names the error and the next hop',
    input: {
      layout: aLayout([PROXY, APP]),
      runs: [aRun([pageFrom('entry', 'envoy-503-connect-failure', { headers: { server: 'envoy', 'proxy-status': 'envoy; error=connection_refused; next-hop="10.0.0.3:3000"' } }), failed('proxy', 'MISSED'), failed('app', 'MISSED')])],
      pattern: PERSISTENT,
    },
    expected: { cause: 'origin_down', failingHop: 'app', proxyStatus: 'connection_refused', confidence: 0.95, gateway: 'envoy' },
  },
  {
    name: 'Proxy-Status http_protocol_error from Envoy',
    input: { layout: aLayout([]), runs: [aRun([pageFrom('entry', 'envoy-502-proxy-status')])], pattern: PERSISTENT },
    expected: { cause: 'origin_bad_response', proxyStatus: 'http_protocol_error', reportedBy: 'entry' },
  },
  {
    name: 'haproxy → nginx → app: the page nginx wrote crosses haproxy unchanged',
    input: {
      layout: aLayout([LB, PROXY, APP]),
      runs: [aRun([pageFrom('entry', 'haproxy-relays-nginx-502'), pageFrom('lb', 'haproxy-relays-nginx-502'), pageFrom('proxy', 'nginx-502-refused'), refused('app')])],
      pattern: PERSISTENT,
    },
    expected: { cause: 'origin_down', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx' },
  },
  {
    name: 'nginx → haproxy → app: haproxy\'s 503 crosses nginx unchanged',
    input: { layout: aLayout([LB, APP]), runs: [aRun([pageFrom('entry', 'nginx-relays-haproxy-503'), pageFrom('lb', 'haproxy-503-refused'), refused('app')])], pattern: PERSISTENT },
    expected: { cause: 'origin_down', failingHop: 'app', reportedBy: 'lb', gateway: 'haproxy' },
    nextStepsMention: ['SC--'],
  },
  {
    name: 'the entry itself refuses and has no hops',
    input: { layout: aLayout([]), runs: [aRun([refused('entry')])], pattern: PERSISTENT },
    expected: { cause: 'origin_down', failingHop: 'entry', reportedBy: null, gateway: 'unknown' },
  },
  {
    name: 'a lone nginx 502 with no upstream checked',
    input: { layout: aLayout([]), runs: [aRun([pageFrom('entry', 'nginx-502-refused')])], pattern: PERSISTENT },
    expected: { cause: 'origin_down', failingHop: 'entry', reportedBy: 'entry', gateway: 'nginx', confidence: 0.35 },
    summaryMentions: ['does not check'],
  },
  {
    name: 'a lone haproxy 504 with no upstream checked',
    input: { layout: aLayout([]), runs: [aRun([pageFrom('entry', 'haproxy-504-server-timeout')])], pattern: PERSISTENT },
    expected: { cause: 'origin_timeout', proxyStatus: 'http_response_timeout', gateway: 'haproxy' },
  },
  {
    name: 'a lone Envoy 503 saying connect error 111',
    input: { layout: aLayout([]), runs: [aRun([pageFrom('entry', 'envoy-503-connect-failure')])], pattern: PERSISTENT },
    expected: { cause: 'origin_down', proxyStatus: 'connection_refused', gateway: 'envoy' },
    nextStepsMention: ['UF'],
  },
  {
    name: 'a lone Envoy 503 overflow',
    input: {
      layout: aLayout([]),
      runs: [aRun([answered('entry', 503, { headers: { server: 'envoy' }, bodySnippet: 'upstream connect error or disconnect/reset before headers. reset reason: overflow' })])],
      pattern: PERSISTENT,
    },
    expected: { cause: 'overload', proxyStatus: 'connection_limit_reached' },
  },
  {
    name: 'a Varnish 503 whose backend refuses',
    input: { layout: aLayout([APP]), runs: [aRun([pageFrom('entry', 'varnish-503-refused'), refused('app')])], pattern: PERSISTENT },
    expected: { cause: 'origin_down', failingHop: 'app', reportedBy: 'entry', gateway: 'varnish' },
    nextStepsMention: ['FetchError'],
  },
  {
    name: 'Cloudflare answers 403 everywhere',
    input: { layout: aLayout([]), runs: [aRun([answered('entry', 403, { headers: { server: 'cloudflare', 'cf-ray': '8e1f2a3b4c5d6e7f-FRA' }, bodySnippet: 'Sorry, you have been blocked' })])], pattern: PERSISTENT },
    expected: { cause: 'edge_filtering', gateway: 'cloudflare', proxyStatus: 'http_request_denied' },
  },
  {
    name: 'a database behind the app refuses (TCP hop)',
    input: {
      layout: aLayout([APP, aHop({ target: 'db', kind: 'tcp', role: 'other', url: 'tcp://10.0.0.9:5432' })]),
      runs: [aRun([answered('entry', 500, { bodySnippet: 'db down' }), answered('app', 500, { bodySnippet: 'db down' }), refused('db', { kind: 'tcp' })])],
      pattern: PERSISTENT,
    },
    expected: { cause: 'origin_down', failingHop: 'db', reportedBy: 'app' },
    summaryMentions: ['10.0.0.9:5432'],
  },
  {
    name: 'both regions see the app refuse: one diagnosis, surer, both regions',
    input: {
      layout: aLayout(),
      runs: ['eu', 'us'].map((region) => aRun([pageFrom('entry', 'nginx-502-refused'), pageFrom('proxy', 'nginx-502-refused'), refused('app')], { region })),
      pattern: pattern({ eu: '........55', us: '........55' }),
    },
    expected: { cause: 'origin_down', failingHop: 'app', regions: ['eu', 'us'], confidence: 0.95 },
  },
  {
    name: 'a refused burst that recovered carries the deploy-window hint',
    input: { layout: aLayout(), runs: [aRun([pageFrom('entry', 'nginx-502-refused'), pageFrom('proxy', 'nginx-502-refused'), refused('app')], { slot: T0_SLOT + 240 })], pattern: pattern({ default: '....XX....' }) },
    expected: { cause: 'origin_down', hints: ['deploy_window'] },
    nextStepsMention: ['deploy and restart log', '2025-11-22T00:04:00.000Z'],
  },
  {
    name: 'an entry 404 with healthy hops is a status mismatch at the entry, not a missing hop',
    input: { layout: aLayout(), runs: [aRun([answered('entry', 404), ok('proxy'), ok('app')])], pattern: PERSISTENT },
    expected: { cause: 'content_mismatch', failingHop: 'entry' },
    summaryMentions: ['answers 404', 'the path is not there'],
    nextStepsMention: ['virtual host', 'expectStatus'],
  },
  {
    name: 'a keyword missing from a 200 behind healthy hops is a content mismatch at the entry',
    input: { layout: aLayout(), runs: [aRun([answered('entry', 200, { errorMessage: 'the first 300 body bytes do not contain "Welcome"' }), ok('proxy'), ok('app')])], pattern: PERSISTENT },
    expected: { cause: 'content_mismatch', failingHop: 'entry', reportedBy: 'entry' },
    summaryMentions: ['answers 200 but without the expected text'],
    nextStepsMention: ['bodyContains'],
  },
  {
    name: 'no failing run: nothing to diagnose',
    input: { layout: aLayout(), runs: [aRun([ok('entry'), ok('proxy'), ok('app')])], pattern: null },
    expected: { cause: 'unknown', failingHop: null, confidence: 0 },
  },
];

describe('classify', () => {
  it.each(cases)('$name → $expected.cause', ({ input, expected, summaryMentions, nextStepsMention }) => {
    const diagnosis = classify(input);
    expect(diagnosis).toMatchObject(expected);
    for (const text of summaryMentions ?? []) expect(diagnosis.summary).toContain(text);
    for (const text of nextStepsMention ?? []) expect(diagnosis.nextSteps.join('\n')).toContain(text);
  });

  it.each(cases.filter((testCase) => testCase.expected.failingHop !== null))('$name: every evidence line points at check results it was given', ({ input }) => {
    const diagnosis = classify(input);
    const fromRuns = input.runs.flatMap((run) => run.results.map((result) => result.id));
    const fromPattern = (input.pattern?.deployWindows ?? []).flatMap((window) => window.resultIds);
    const ids = new Set([...fromRuns, ...fromPattern]);
    expect(diagnosis.evidence.length).toBeGreaterThan(0);
    for (const item of diagnosis.evidence) {
      expect(item.resultIds.length).toBeGreaterThan(0);
      for (const id of item.resultIds) expect(ids).toContain(id);
    }
    expect(diagnosis.summary.length).toBeGreaterThan(20);
    expect(diagnosis.nextSteps.length).toBeGreaterThan(0);
    expect(diagnosis.confidence).toBeGreaterThan(0);
    expect(diagnosis.confidence).toBeLessThanOrEqual(1);
  });
});
