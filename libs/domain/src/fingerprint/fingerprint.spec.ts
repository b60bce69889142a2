import { gatewayFixture, loadGatewayFixtures } from '../../test-support/gateway-fixtures';
import { cloudflareCode, fingerprintGateway, type FingerprintInput, type GatewayFingerprint } from './fingerprint';

type Expected = Partial<Omit<GatewayFingerprint, 'cloudflare'>> & { cloudflare?: Partial<NonNullable<GatewayFingerprint['cloudflare']>> | null };

// One row per fixture file: what the page must be attributed to.
const expectations: Record<string, Expected> = {
  // recorded from real software (libs/domain/scripts/record-fixtures.sh)
  'apache-502-closed': { gateway: 'apache', generated: true, detail: 'Error reading from remote server' },
  'apache-502-read-timeout': { gateway: 'apache', generated: true, detail: 'Error reading from remote server' },
  'apache-502-reset': { gateway: 'apache', generated: true },
  'apache-503-refused': { gateway: 'apache', generated: true, detail: 'Service Unavailable' },
  'apache-503-refused-no-signature': { gateway: 'apache', generated: true },
  'apache-passes-non-http-as-200': { gateway: 'apache', generated: false },
  'haproxy-502-invalid': { gateway: 'haproxy', generated: true, detail: 'The server returned an invalid or incomplete response.' },
  'haproxy-502-reset': { gateway: 'haproxy', generated: true },
  'haproxy-503-no-server': { gateway: 'haproxy', generated: true, detail: 'No server is available to handle this request.' },
  'haproxy-503-refused': { gateway: 'haproxy', generated: true },
  'haproxy-504-server-timeout': { gateway: 'haproxy', generated: true, detail: "The server didn't respond in time." },
  'haproxy-relays-app-500': { gateway: 'unknown', generated: false },
  'haproxy-relays-nginx-502': { gateway: 'nginx', generated: true },
  'nginx-502-prematurely-closed': { gateway: 'nginx', generated: true },
  'nginx-502-refused': { gateway: 'nginx', generated: true },
  'nginx-502-refused-tokens-off': { gateway: 'nginx', generated: true },
  'nginx-502-reset': { gateway: 'nginx', generated: true },
  'nginx-503': { gateway: 'nginx', generated: true },
  'nginx-504-connect-timeout': { gateway: 'nginx', generated: true },
  'nginx-504-read-timeout': { gateway: 'nginx', generated: true },
  'nginx-passes-non-http-as-http09': { gateway: 'unknown' },
  'nginx-relays-app-500': { gateway: 'nginx', generated: false },
  'nginx-relays-haproxy-503': { gateway: 'haproxy', generated: true },
  'varnish-503-first-byte-timeout': { gateway: 'varnish', generated: true, detail: 'Backend fetch failed' },
  'varnish-503-refused': { gateway: 'varnish', generated: true },
  'varnish-503-reset': { gateway: 'varnish', generated: true },
  // recorded from real software (libs/domain/scripts/record-more-fixtures.sh)
  'caddy-garbage': { gateway: 'caddy', generated: true },
  'caddy-refused': { gateway: 'caddy', generated: true },
  'caddy-reset': { gateway: 'caddy', generated: true },
  'caddy-timeout': { gateway: 'caddy', generated: true },
  'lighttpd-garbage': { gateway: 'lighttpd', generated: true },
  'lighttpd-refused': { gateway: 'lighttpd', generated: true },
  'lighttpd-reset': { gateway: 'lighttpd', generated: true },
  'lighttpd-timeout': { gateway: 'lighttpd', generated: true },
  'squid-garbage': { gateway: 'squid', generated: false },
  'squid-refused': { gateway: 'squid', generated: true },
  'squid-reset': { gateway: 'squid', generated: true },
  'squid-timeout': { gateway: 'squid', generated: true },
  'h2o-garbage': { gateway: 'h2o', generated: true },
  'h2o-refused': { gateway: 'h2o', generated: true },
  'h2o-reset': { gateway: 'h2o', generated: true },
  'h2o-timeout': { gateway: 'h2o', generated: true },
  'trafficserver-garbage': { gateway: 'trafficserver', generated: true },
  'trafficserver-refused': { gateway: 'trafficserver', generated: true },
  'trafficserver-reset': { gateway: 'trafficserver', generated: true },
  'trafficserver-timeout': { gateway: 'trafficserver', generated: true },
  // written from documented signatures
  'akamai-504': { gateway: 'akamai', generated: true },
  'aws-alb-502': { gateway: 'aws-alb', generated: true },
  'aws-alb-504': { gateway: 'aws-alb', generated: true },
  'aws-elb-503-at-capacity': { gateway: 'aws-elb', generated: true },
  'azure-front-door-503': { gateway: 'azure-front-door', generated: true },
  'caddy-502': { gateway: 'caddy', generated: true },
  'cloudflare-502-edge-plain': { gateway: 'cloudflare', generated: true, cloudflare: { code: 502, generatedBy: 'edge' } },
  'cloudflare-502-origin-rebranded': { gateway: 'cloudflare', cloudflare: { code: 502, generatedBy: 'origin' } },
  'cloudflare-504-origin-rebranded': { gateway: 'cloudflare', cloudflare: { code: 504, generatedBy: 'origin' } },
  'cloudflare-520': { gateway: 'cloudflare', cloudflare: { code: 520, generatedBy: 'edge' } },
  'cloudflare-521': { gateway: 'cloudflare', cloudflare: { code: 521, generatedBy: 'edge' } },
  'cloudflare-522': { gateway: 'cloudflare', cloudflare: { code: 522, generatedBy: 'edge' } },
  'cloudflare-523': { gateway: 'cloudflare', cloudflare: { code: 523, generatedBy: 'edge' } },
  'cloudflare-524': { gateway: 'cloudflare', cloudflare: { code: 524, generatedBy: 'edge' } },
  'cloudflare-525': { gateway: 'cloudflare', cloudflare: { code: 525, generatedBy: 'edge' } },
  'cloudflare-526': { gateway: 'cloudflare', cloudflare: { code: 526, generatedBy: 'edge' } },
  'cloudflare-530-1016': { gateway: 'cloudflare', cloudflare: { code: 530, errorCode: 1016, generatedBy: 'edge' } },
  'cloudfront-502': { gateway: 'cloudfront', generated: true },
  'cloudfront-relays-origin-nginx-502': { gateway: 'nginx', generated: true },
  'envoy-502-proxy-status': { gateway: 'envoy', generated: true, detail: 'protocol error' },
  'envoy-503-connect-failure': { gateway: 'envoy', detail: 'connection failure, transport failure reason: delayed connect error: 111' },
  'envoy-503-connection-termination': { gateway: 'envoy', detail: 'connection termination' },
  'envoy-503-no-healthy-upstream': { gateway: 'envoy', detail: 'no healthy upstream' },
  'envoy-504-upstream-request-timeout': { gateway: 'envoy', detail: 'upstream request timeout' },
  'fastly-503-first-byte-timeout': { gateway: 'fastly', generated: true, detail: 'first byte timeout' },
  'gcp-lb-502': { gateway: 'gcp-lb', generated: true },
  'heroku-503-application-error': { gateway: 'heroku', generated: true },
  'ingress-nginx-404-default-backend': { gateway: 'ingress-nginx', generated: true },
  // the no-endpoints page is the ordinary nginx page: without more context it can only be named nginx
  'ingress-nginx-503-no-endpoints': { gateway: 'nginx', generated: true },
  'traefik-502': { gateway: 'traefik', generated: true },
  'traefik-504': { gateway: 'traefik', generated: true },
};

const fixtures = loadGatewayFixtures().map((fixture) => ({ ...fixture, expected: expectations[fixture.name] }));

describe('fingerprintGateway', () => {
  it('has an expectation for every fixture and a fixture for every expectation', () => {
    expect(fixtures.map((fixture) => fixture.name).sort()).toEqual(Object.keys(expectations).sort());
  });

  it.each(fixtures)('$name ($source) → $expected.gateway', ({ status, headers, body, reasonPhrase, expected }) => {
    const fingerprint = fingerprintGateway({ status, headers, bodySnippet: body.slice(0, 2048), reasonPhrase });
    expect(fingerprint).toMatchObject(expected);
    if (fingerprint.gateway !== 'unknown') expect(fingerprint.evidence).not.toBe('');
  });

  it('covers every named gateway with at least one fixture', () => {
    const named = new Set(fixtures.map((fixture) => fixture.expected?.gateway));
    for (const gateway of ['nginx', 'haproxy', 'envoy', 'apache', 'traefik', 'caddy', 'varnish', 'cloudflare', 'aws-alb', 'aws-elb', 'cloudfront', 'gcp-lb', 'fastly', 'akamai', 'azure-front-door', 'heroku', 'ingress-nginx']) {
      expect(named).toContain(gateway);
    }
  });

  it.each<{ name: string; input: FingerprintInput; gateway: string }>([
    { name: 'an app 502 with no identifying trait', input: { status: 502, headers: {}, bodySnippet: 'oops' }, gateway: 'unknown' },
    { name: 'a body that is null', input: { status: 502, headers: { server: 'nginx' }, bodySnippet: null }, gateway: 'nginx' },
    { name: 'header names in mixed case', input: { status: 502, headers: { Server: 'awselb/2.0' }, bodySnippet: '' }, gateway: 'aws-alb' },
    { name: 'Caddy with a body is only on the path', input: { status: 502, headers: { server: 'Caddy' }, bodySnippet: 'app says no' }, gateway: 'caddy' },
    { name: 'Envoy relaying an upstream answer', input: { status: 503, headers: { server: 'envoy', 'x-envoy-upstream-service-time': '12' }, bodySnippet: 'busy' }, gateway: 'envoy' },
    { name: 'a Fastly-served origin error', input: { status: 500, headers: { 'x-served-by': 'cache-ams21050-AMS' }, bodySnippet: 'error' }, gateway: 'fastly' },
  ])('$name → $gateway', ({ input, gateway }) => {
    expect(fingerprintGateway(input).gateway).toBe(gateway);
  });

  it('marks a header-only match as not generated by the product', () => {
    expect(fingerprintGateway({ status: 500, headers: { server: 'nginx/1.22.1' }, bodySnippet: 'app: database unavailable' }).generated).toBe(false);
  });
});

describe('cloudflareCode', () => {
  it.each([
    ['cloudflare-520', 520],
    ['cloudflare-521', 521],
    ['cloudflare-522', 522],
    ['cloudflare-523', 523],
    ['cloudflare-524', 524],
    ['cloudflare-525', 525],
    ['cloudflare-526', 526],
    ['cloudflare-530-1016', 530],
    ['cloudflare-502-origin-rebranded', 502],
    ['cloudflare-504-origin-rebranded', 504],
    ['nginx-502-refused', null],
  ])('%s → %s', (name, code) => {
    const fixture = gatewayFixture(name);
    expect(cloudflareCode({ status: fixture.status, headers: fixture.headers, bodySnippet: fixture.body })).toBe(code);
  });

  it('reads the code from the branded page when the status was rewritten', () => {
    const fixture = gatewayFixture('cloudflare-522');
    expect(cloudflareCode({ status: 200, headers: fixture.headers, bodySnippet: fixture.body })).toBe(522);
  });
});
