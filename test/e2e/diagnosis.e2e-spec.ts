// Real gateways on loopback: HAProxy (the entry, a load balancer) → nginx (reverse proxy) → an app the test
// controls. Each scenario breaks one layer and checks that the incident names it.
import { INestApplicationContext } from '@nestjs/common';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { startAppServer, AppBehaviour, AppServer } from '../support/app-server';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { startDnsServer, TestDnsServer } from '../support/dns-server';
import { freePort } from '../support/free-port';
import { GatewayProcess } from '../support/gateways/gateway-process';
import { startHaproxy } from '../support/gateways/haproxy';
import { startNginx } from '../support/gateways/nginx';
import { testConfig } from '../support/test-config';
import { startTlsEntry, TlsEntry } from '../support/tls-entry';

type Expected = { cause: string; failingHop: string | null; reportedBy: string | null; gateway: string; pattern: string; regions?: string[] };
type Scenario = {
  name: string;
  app: AppBehaviour | 'down';
  /** nginx forwards to a port where nothing listens, while the app itself is healthy. */
  wrongUpstream?: boolean;
  regions?: string[];
  rejectSources?: string[];
  entryHost?: string;
  /** Path of the entry URL: lets the app tell the entry's requests from the hops' direct checks. */
  entryPath?: string;
  tlsEntry?: boolean;
  expected: Expected | null;
};

const SCENARIOS: Scenario[] = [
  { name: 'healthy chain', app: { kind: 'healthy' }, expected: null },
  { name: 'app refuses connections', app: 'down', expected: { cause: 'origin_down', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx', pattern: 'persistent' } },
  { name: 'app accepts then resets', app: { kind: 'reset' }, expected: { cause: 'origin_bad_response', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx', pattern: 'persistent' } },
  { name: 'app too slow for the proxy timeout', app: { kind: 'slow', delayMs: 5_000 }, expected: { cause: 'origin_timeout', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx', pattern: 'persistent' } },
  { name: 'proxy pointed at the wrong upstream port', app: { kind: 'healthy' }, wrongUpstream: true, expected: { cause: 'proxy_misconfigured', failingHop: 'proxy', reportedBy: 'proxy', gateway: 'nginx', pattern: 'persistent' } },
  { name: 'app failing a third of its requests', app: { kind: 'reset-every', nth: 3, pathPrefix: '/shop' }, entryPath: '/shop', expected: { cause: 'origin_bad_response', failingHop: 'app', reportedBy: 'proxy', gateway: 'nginx', pattern: 'intermittent' } },
  { name: 'app answering 500', app: { kind: 'error', status: 500 }, expected: { cause: 'origin_error', failingHop: 'app', reportedBy: 'app', gateway: 'unknown', pattern: 'persistent' } },
  { name: 'entry with a self-signed certificate', app: { kind: 'healthy' }, tlsEntry: true, expected: { cause: 'tls_failure', failingHop: 'entry', reportedBy: null, gateway: 'unknown', pattern: 'persistent' } },
  { name: 'entry blocked for one region only', app: { kind: 'healthy' }, regions: ['a', 'b'], rejectSources: ['127.0.0.2'], expected: { cause: 'edge_filtering', failingHop: 'entry', reportedBy: null, gateway: 'unknown', pattern: 'regional', regions: ['b'] } },
  { name: 'resolvers answering differently', app: { kind: 'healthy' }, regions: ['a', 'b'], entryHost: 'shop.hopwatch.test', expected: { cause: 'dns_inconsistent', failingHop: 'entry', reportedBy: null, gateway: 'unknown', pattern: 'regional', regions: ['b'] } },
];

type Lab = { scenario: Scenario; entryPort: number; proxyPort: number; upstreamPort: number; app: AppServer; tls?: TlsEntry; siteId?: string };

describe('diagnosis against real nginx and HAProxy', () => {
  let pipeline: BootedPipeline;
  let regionB: INestApplicationContext;
  let nginx: GatewayProcess;
  let haproxy: GatewayProcess;
  let dnsA: TestDnsServer;
  let dnsB: TestDnsServer;
  const labs: Lab[] = [];

  beforeAll(async () => {
    for (const scenario of SCENARIOS) {
      const [entryPort, proxyPort, appPort] = await Promise.all([freePort(), freePort(), freePort()]);
      const app = await startAppServer(appPort, scenario.app === 'down' ? { kind: 'healthy' } : scenario.app);
      if (scenario.app === 'down') await app.down();
      // The wrong upstream is a port nothing listens on (handed out, never bound), not the app's.
      const upstreamPort = scenario.wrongUpstream ? await freePort() : appPort;
      labs.push({ scenario, entryPort, proxyPort, upstreamPort, app, tls: scenario.tlsEntry ? await startTlsEntry(entryPort) : undefined });
    }
    nginx = await startNginx(labs.map((lab) => ({ listenPort: lab.proxyPort, upstream: `127.0.0.1:${lab.upstreamPort}`, readTimeoutSeconds: 1 })));
    haproxy = await startHaproxy(labs.filter((lab) => !lab.tls).map((lab) => ({ listenPort: lab.entryPort, upstream: `127.0.0.1:${lab.proxyPort}`, rejectSources: lab.scenario.rejectSources })));
    dnsA = await startDnsServer({ 'shop.hopwatch.test': { A: ['127.0.0.1'] } });
    dnsB = await startDnsServer({ 'shop.hopwatch.test': { A: ['127.0.0.9'] } });
    pipeline = await bootPipeline({ HOPWATCH_REGION: 'a', HOPWATCH_SOURCE_ADDRESS: '127.0.0.1', HOPWATCH_RESOLVERS: dnsA.address });
    regionB = await createWorkerApp(
      testConfig(pipeline.database.url, { HOPWATCH_REGION: 'b', HOPWATCH_SOURCE_ADDRESS: '127.0.0.2', HOPWATCH_RESOLVERS: dnsB.address, HOPWATCH_REDIS_PREFIX: pipeline.prefix }),
    );
    await regionB.init();
    for (const lab of labs) lab.siteId = await register(lab);
  });

  afterAll(async () => {
    await regionB?.close();
    await pipeline?.close();
    await Promise.all([nginx?.stop(), haproxy?.stop(), dnsA?.close(), dnsB?.close(), ...labs.map((lab) => lab.app.close()), ...labs.map((lab) => lab.tls?.close())]);
  });

  async function register(lab: Lab): Promise<string> {
    const scheme = lab.tls ? 'https' : 'http';
    const host = lab.scenario.entryHost ?? '127.0.0.1';
    const response = await pipeline.http().post('/api/v1/sites').set(pipeline.auth).send({
      name: lab.scenario.name,
      url: `${scheme}://${host}:${lab.entryPort}${lab.scenario.entryPath ?? '/'}`,
      intervalSeconds: 5,
      timeoutMs: 2500,
      regions: lab.scenario.regions ?? ['a'],
      hops: [
        { name: 'proxy', role: 'reverse_proxy', url: `http://127.0.0.1:${lab.proxyPort}/` },
        { name: 'app', role: 'app', url: `http://127.0.0.1:${lab.app.port}/health` },
      ],
      dns: lab.scenario.entryHost ? { resolvers: [dnsA.address, dnsB.address] } : undefined,
    });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  const incidentsOf = async (siteId: string) =>
    (await pipeline.http().get(`/api/v1/sites/${siteId}/incidents`).set(pipeline.auth).expect(200)).body.items as Array<Record<string, any>>;

  const diagnosed = SCENARIOS.filter((scenario) => scenario.expected);

  it.each(diagnosed.map((scenario) => [scenario.name, scenario] as const))('%s → the incident names the cause and the hop', async (_name, scenario) => {
    const lab = labs.find((candidate) => candidate.scenario === scenario)!;
    const expected = scenario.expected!;
    const [incident] = await waitFor(() => incidentsOf(lab.siteId!), (items) => items.length > 0 && items[0].diagnosis.cause === expected.cause, 75_000).catch(async (error) => {
      const items = await incidentsOf(lab.siteId!);
      throw new Error(`${error.message}\nincidents: ${JSON.stringify(items.map((item) => item.diagnosis), null, 1)}`);
    });
    expect({
      cause: incident.diagnosis.cause,
      failingHop: incident.diagnosis.failingHop,
      reportedBy: incident.diagnosis.reportedBy,
      gateway: incident.diagnosis.gateway,
      pattern: incident.pattern,
      ...(expected.regions ? { regions: incident.regions } : {}),
    }).toEqual(expected);
    expect(incident.status).toBe('open');
    expect(incident.diagnosis.summary.length).toBeGreaterThan(20);
    expect(incident.diagnosis.nextSteps.length).toBeGreaterThan(0);
    expect(incident.diagnosis.evidence.length).toBeGreaterThan(0);
  });

  it('opens no incident for a healthy chain', async () => {
    const lab = labs.find((candidate) => candidate.scenario.name === 'healthy chain')!;
    const checks = await pipeline.query<{ n: number }>(`SELECT count(*)::int AS n FROM check_results WHERE site_id = $1`, [lab.siteId]);
    expect(checks[0].n).toBeGreaterThan(0);
    expect(await incidentsOf(lab.siteId!)).toEqual([]);
  });

  it('resolves the incident once the app is back, and reads it whole through the API', async () => {
    const lab = labs.find((candidate) => candidate.scenario.name === 'app refuses connections')!;
    const [open] = await waitFor(() => incidentsOf(lab.siteId!), (items) => items.length > 0, 60_000);
    await lab.app.up();
    const [resolved] = await waitFor(() => incidentsOf(lab.siteId!), (items) => items[0]?.status === 'resolved', 45_000);
    expect(resolved.id).toBe(open.id);
    const detail = (await pipeline.http().get(`/api/v1/incidents/${open.id}`).set(pipeline.auth).expect(200)).body;
    expect(detail.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(expect.arrayContaining(['opened', 'resolved']));
    expect(detail.evidenceResults.length).toBeGreaterThan(0);
    const openNow = (await pipeline.http().get('/api/v1/incidents?status=open').set(pipeline.auth).expect(200)).body.items;
    expect(openNow.find((incident: { id: string }) => incident.id === open.id)).toBeUndefined();
    process.stdout.write(`\nexample incident:\n${JSON.stringify(detail, null, 2)}\n`);
  });
});
