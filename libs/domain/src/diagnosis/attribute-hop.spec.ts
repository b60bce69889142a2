import { aRun, answered, failed, ok, pageFrom, refused, reset, responseTimeout } from '../../test-support/builders';
import { attributeHop, type HopAttribution } from './attribute-hop';
import type { ObservedResult } from './observed';

type Case = { name: string; order: string[]; results: ObservedResult[]; expected: Partial<HopAttribution> };

const THREE = ['lb', 'proxy', 'app'];

const cases: Case[] = [
  {
    name: 'a sporadic nginx 502 gone by the direct check: the hop that runs nginx reported it',
    order: THREE,
    results: [pageFrom('entry', 'haproxy-relays-nginx-502'), ok('lb'), ok('proxy', { headers: { server: 'nginx/1.22.1' } }), ok('app')],
    expected: { failingHop: 'app', reportedBy: 'proxy', failure: 'reset' },
  },
  {
    name: 'a healthy entry has no failing hop even when an inner hop fails',
    order: THREE,
    results: [ok('entry'), ok('lb'), ok('proxy'), refused('app')],
    expected: { failingHop: null, reportedBy: null, failure: null },
  },
  {
    name: 'app refuses: nginx writes the page, haproxy relays it unchanged',
    order: THREE,
    results: [pageFrom('entry', 'haproxy-relays-nginx-502'), pageFrom('lb', 'haproxy-relays-nginx-502'), pageFrom('proxy', 'nginx-502-refused'), refused('app')],
    expected: { failingHop: 'app', reportedBy: 'proxy', failure: 'refused', healthyBehindReporter: [] },
  },
  {
    name: 'nginx relays haproxy 503: the deeper haproxy reported it despite Server: nginx',
    order: ['lb', 'app'],
    results: [pageFrom('entry', 'nginx-relays-haproxy-503'), pageFrom('lb', 'haproxy-503-refused'), refused('app')],
    expected: { failingHop: 'app', reportedBy: 'lb' },
  },
  {
    name: 'app healthy behind a failing proxy: the proxy is both failing and reporting',
    order: THREE,
    results: [pageFrom('entry', 'nginx-502-refused'), pageFrom('lb', 'nginx-502-refused'), pageFrom('proxy', 'nginx-502-refused'), ok('app')],
    expected: { failingHop: 'proxy', reportedBy: 'proxy', healthyBehindReporter: ['app'], failure: 'http_error' },
  },
  {
    name: 'the entry refuses: nobody reports, the entry fails',
    order: THREE,
    results: [refused('entry'), ok('lb'), ok('proxy'), ok('app')],
    expected: { failingHop: 'entry', reportedBy: null, failure: 'refused' },
  },
  {
    name: 'app answers 500 itself and nginx passes it on: reported by the app',
    order: ['proxy', 'app'],
    results: [pageFrom('entry', 'nginx-relays-app-500'), pageFrom('proxy', 'nginx-relays-app-500'), answered('app', 500, { bodySnippet: 'app: database unavailable\n' })],
    expected: { failingHop: 'app', reportedBy: 'app', failure: 'http_error' },
  },
  {
    name: 'a 504 while the app answers, but slower than the gateway waited: the app is slow',
    order: ['lb', 'app'],
    results: [pageFrom('entry', 'haproxy-504-server-timeout'), pageFrom('lb', 'haproxy-504-server-timeout'), ok('app', { timings: { dnsMs: 0, connectMs: 1, tlsMs: null, ttfbMs: 1500, totalMs: 1510 } })],
    expected: { failingHop: 'app', reportedBy: 'lb', failure: 'slow', reporterTimedOut: true },
  },
  {
    name: 'Apache answers 502 only after its timer: a timer expiry, the slow app is the failing hop',
    order: ['proxy', 'app'],
    results: [pageFrom('entry', 'apache-502-read-timeout'), pageFrom('proxy', 'apache-502-read-timeout'), ok('app', { timings: { dnsMs: 0, connectMs: 1, tlsMs: null, ttfbMs: 2000, totalMs: 2001 } })],
    expected: { failingHop: 'app', reportedBy: 'proxy', failure: 'slow', reporterTimedOut: true },
  },
  {
    name: 'a fast 502 is no timer: a fast healthy app behind stays healthy',
    order: ['proxy', 'app'],
    results: [pageFrom('entry', 'nginx-502-reset'), pageFrom('proxy', 'nginx-502-reset'), ok('app')],
    expected: { failingHop: 'proxy', reportedBy: 'proxy', reporterTimedOut: false },
  },
  {
    name: 'app times out on its direct check behind an nginx 504',
    order: ['proxy', 'app'],
    results: [pageFrom('entry', 'nginx-504-read-timeout'), pageFrom('proxy', 'nginx-504-read-timeout'), responseTimeout('app')],
    expected: { failingHop: 'app', reportedBy: 'proxy', failure: 'response_timeout' },
  },
  {
    name: 'Cloudflare rebrands the origin 502: matched by status to the nginx hop behind it',
    order: ['proxy', 'app'],
    results: [pageFrom('entry', 'cloudflare-502-origin-rebranded'), pageFrom('proxy', 'nginx-502-refused'), refused('app')],
    expected: { failingHop: 'app', reportedBy: 'proxy' },
  },
  {
    name: 'Cloudflare 521 is its own: reported by the entry',
    order: ['origin'],
    results: [pageFrom('entry', 'cloudflare-521'), refused('origin')],
    expected: { failingHop: 'origin', reportedBy: 'entry', failure: 'refused' },
  },
  {
    name: 'a TCP hop that refuses is the failing hop; it never reports',
    order: ['app', 'db'],
    results: [answered('entry', 500, { bodySnippet: 'db down' }), answered('app', 500, { bodySnippet: 'db down' }), refused('db', { kind: 'tcp' })],
    expected: { failingHop: 'db', reportedBy: 'app', failure: 'refused' },
  },
  {
    name: 'an unprobed hop (MISSED) is neither healthy nor failing',
    order: ['proxy', 'app'],
    results: [pageFrom('entry', 'nginx-502-refused'), pageFrom('proxy', 'nginx-502-refused'), failed('app', 'MISSED')],
    expected: { failingHop: 'proxy', reportedBy: 'proxy', uncheckedBehindReporter: ['app'], healthyBehindReporter: [] },
  },
  {
    name: 'a hop missing from the run counts as unchecked',
    order: ['proxy', 'app'],
    results: [pageFrom('entry', 'nginx-502-refused'), pageFrom('proxy', 'nginx-502-refused')],
    expected: { failingHop: 'proxy', reportedBy: 'proxy', uncheckedBehindReporter: ['app'] },
  },
  {
    name: 'a different error page deeper down does not make that hop the reporter',
    order: ['proxy', 'app'],
    results: [pageFrom('entry', 'nginx-502-refused'), pageFrom('proxy', 'nginx-502-refused'), answered('app', 503, { bodySnippet: 'maintenance' })],
    expected: { failingHop: 'app', reportedBy: 'proxy' },
  },
  {
    name: 'the order may omit the entry',
    order: ['app'],
    results: [pageFrom('entry', 'nginx-502-reset'), reset('app')],
    expected: { failingHop: 'app', reportedBy: 'entry', failure: 'reset' },
  },
];

describe('attributeHop', () => {
  it.each(cases)('$name → failing $expected.failingHop, reported by $expected.reportedBy', ({ order, results, expected }) => {
    expect(attributeHop(aRun(results), order)).toMatchObject(expected);
  });
});
