// A real HAProxy balancing round-robin over three local app servers, one of them broken in each of the ways the
// chain tests use; the site lists the balancer's backends, and the incident must name the broken one. One more
// answers every direct check, only slower than HAProxy waits: the entry's intermittent 504s must name it too.
import { AppBehaviour, AppServer, startAppServer } from '../support/app-server';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { GatewayProcess } from '../support/gateways/gateway-process';
import { startHaproxyBalancer } from '../support/gateways/haproxy-balancer';
import { saveArtifact } from '../support/artifacts';

type Scenario = { name: string; broken: AppBehaviour | 'down'; confirmations?: number; timeoutMs?: number; proxyStatus: string | null; gateway: string; slow?: boolean };

const SCENARIOS: Scenario[] = [
  { name: 'refuses', broken: 'down', proxyStatus: 'connection_refused', gateway: 'haproxy' },
  { name: 'resets', broken: { kind: 'reset' }, proxyStatus: 'connection_terminated', gateway: 'haproxy' },
  { name: 'is too slow', broken: { kind: 'slow', delayMs: 4_000 }, proxyStatus: 'http_response_timeout', gateway: 'haproxy' },
  // a 500 is not a gateway status, so the rate rule ignores it when scattered: open on the first one
  { name: 'answers 500', broken: { kind: 'error', status: 500 }, confirmations: 1, proxyStatus: null, gateway: 'unknown' },
  // answers its own checks (timeout 3 s) in 1.5 s, but HAProxy gives up after 1 s: a 504 for every request it draws
  { name: 'answers, but slower than the balancer waits', broken: { kind: 'slow', delayMs: 1_500 }, timeoutMs: 3_000, proxyStatus: 'http_response_timeout', gateway: 'haproxy', slow: true },
];

// A refusing backend fails one HAProxy draw in three, so when the rate rule (2 failures in 10 checks) fires depends on
// how the draws line up with the checks: usually 10-50 s, once past 90 s on a CI run. The wait stays under the
// test's own timeout so a failure prints what the incident said instead of jest's bare timeout.
const OPEN_WITHIN_MS = 150_000;

type Lab = { scenario: Scenario; port: number; apps: AppServer[]; siteId?: string };

describe('one bad backend behind a real HAProxy round-robin', () => {
  let pipeline: BootedPipeline;
  let haproxy: GatewayProcess;
  const labs: Lab[] = [];

  beforeAll(async () => {
    for (const scenario of SCENARIOS) {
      const [port, ...appPorts] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
      const apps = await Promise.all(
        appPorts.map((appPort, index) => startAppServer(appPort, index === 1 && scenario.broken !== 'down' ? scenario.broken : { kind: 'healthy' })),
      );
      if (scenario.broken === 'down') await apps[1].down();
      labs.push({ scenario, port, apps });
    }
    haproxy = await startHaproxyBalancer(labs.map((lab) => ({ listenPort: lab.port, servers: lab.apps.map((app) => `127.0.0.1:${app.port}`), serverTimeoutSeconds: 1 })));
    pipeline = await bootPipeline();
    for (const lab of labs) lab.siteId = await register(lab);
  });

  afterAll(async () => {
    await pipeline?.close();
    await Promise.all([haproxy?.stop(), ...labs.flatMap((lab) => lab.apps.map((app) => app.close()))]);
  });

  async function register(lab: Lab): Promise<string> {
    const url = `http://127.0.0.1:${lab.port}/`;
    const response = await pipeline.http().post('/api/v1/sites').set(pipeline.auth).send({
      name: `backend ${lab.scenario.name}`,
      url,
      intervalSeconds: 5,
      timeoutMs: lab.scenario.timeoutMs ?? 2_000,
      ...(lab.scenario.confirmations ? { confirmations: lab.scenario.confirmations } : {}),
      hops: [{ name: 'lb', role: 'load_balancer', url, backends: lab.apps.map((app, index) => ({ address: `127.0.0.1:${app.port}`, name: `app-${index + 1}` })) }],
    });
    expect(response.status).toBe(201);
    expect(response.body.hops[0].backends).toEqual(lab.apps.map((app, index) => ({ address: `127.0.0.1:${app.port}`, name: `app-${index + 1}` })));
    return response.body.id;
  }

  const incidentsOf = async (siteId: string) =>
    (await pipeline.http().get(`/api/v1/sites/${siteId}/incidents`).set(pipeline.auth).expect(200)).body.items as Array<Record<string, any>>;

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('the backend that %s is named as the failing hop', async (_name, scenario) => {
    const lab = labs.find((candidate) => candidate.scenario === scenario)!;
    const [incident] = await waitFor(() => incidentsOf(lab.siteId!), (items) => items[0]?.diagnosis.cause === 'backend_failing', OPEN_WITHIN_MS).catch(async (error) => {
      throw new Error(`${error.message}\nincidents: ${JSON.stringify((await incidentsOf(lab.siteId!)).map((item) => item.diagnosis), null, 1)}`);
    });
    expect(incident.diagnosis).toMatchObject({ cause: 'backend_failing', failingHop: 'lb@app-2', proxyStatus: scenario.proxyStatus, gateway: scenario.gateway });
    // the entry and the lb hop are the same HAProxy: whichever of them drew the bad server in that run carried the error
    expect(['entry', 'lb']).toContain(incident.diagnosis.reportedBy);
    expect(incident.diagnosis.summary).toContain(`Backend app-2 (127.0.0.1:${lab.apps[1].port}), one of 3 behind lb`);
    expect(incident.diagnosis.nextSteps.join('\n')).toContain(`Take 127.0.0.1:${lab.apps[1].port} out of lb's pool`);
    expect(incident.failureRate.checks).toBeGreaterThan(0);
    if (scenario.slow) {
      expect(incident.diagnosis.summary).toMatch(/answers in \d+ ms while the other 2 answer in about \d+ ms/);
      const slowness = incident.diagnosis.evidence.find((item: { observation: string }) => item.observation.startsWith('backend app-2'));
      expect(Number(/answers in (\d+) ms/.exec(slowness.observation)![1])).toBeGreaterThanOrEqual(1_400);
    }
    const saved = saveArtifact(`bad-backend-${scenario.name.replace(/\W+/g, '-')}`, incident);
    process.stdout.write(`\nbad-backend incident (${scenario.name})${saved ? ` saved to ${saved}` : ''}:\n${JSON.stringify(incident, null, 2)}\n`);
  }, OPEN_WITHIN_MS + 30_000);

  it('stores a result per backend for every run', async () => {
    const lab = labs[0];
    const rows = await pipeline.query<{ target: string; ok: boolean }>(`SELECT DISTINCT target, ok FROM check_results WHERE site_id = $1 AND target LIKE 'lb@%' ORDER BY target`, [lab.siteId]);
    expect(rows).toEqual([
      { target: 'lb@app-1', ok: true },
      { target: 'lb@app-2', ok: false },
      { target: 'lb@app-3', ok: true },
    ]);
  });
});
