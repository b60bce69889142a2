// The chain with Caddy as the reverse proxy: HAProxy (entry) → Caddy → an app the test breaks. Caddy answers a
// failed upstream with an empty 502 and `Server: Caddy`, which HAProxy relays unchanged.
import { AppBehaviour, AppServer, startAppServer } from '../support/app-server';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { startCaddy } from '../support/gateways/caddy';
import { GatewayProcess } from '../support/gateways/gateway-process';
import { startHaproxy } from '../support/gateways/haproxy';

type Scenario = { name: string; app: AppBehaviour | 'down'; cause: string };

const SCENARIOS: Scenario[] = [
  { name: 'app refuses connections behind Caddy', app: 'down', cause: 'origin_down' },
  { name: 'app resets behind Caddy', app: { kind: 'reset' }, cause: 'origin_bad_response' },
];

type Lab = { scenario: Scenario; entryPort: number; proxyPort: number; app: AppServer; siteId?: string };

describe('diagnosis through a real Caddy reverse proxy', () => {
  let pipeline: BootedPipeline;
  let caddy: GatewayProcess;
  let haproxy: GatewayProcess;
  const labs: Lab[] = [];

  beforeAll(async () => {
    for (const scenario of SCENARIOS) {
      const [entryPort, proxyPort, appPort] = await Promise.all([freePort(), freePort(), freePort()]);
      const app = await startAppServer(appPort, scenario.app === 'down' ? { kind: 'healthy' } : scenario.app);
      if (scenario.app === 'down') await app.down();
      labs.push({ scenario, entryPort, proxyPort, app });
    }
    caddy = await startCaddy(labs.map((lab) => ({ listenPort: lab.proxyPort, upstream: `127.0.0.1:${lab.app.port}` })));
    haproxy = await startHaproxy(labs.map((lab) => ({ listenPort: lab.entryPort, upstream: `127.0.0.1:${lab.proxyPort}` })));
    pipeline = await bootPipeline();
    for (const lab of labs) {
      const response = await pipeline.http().post('/api/v1/sites').set(pipeline.auth).send({
        name: lab.scenario.name,
        url: `http://127.0.0.1:${lab.entryPort}/`,
        intervalSeconds: 5,
        timeoutMs: 2_500,
        hops: [
          { name: 'proxy', role: 'reverse_proxy', url: `http://127.0.0.1:${lab.proxyPort}/` },
          { name: 'app', role: 'app', url: `http://127.0.0.1:${lab.app.port}/health` },
        ],
      });
      expect(response.status).toBe(201);
      lab.siteId = response.body.id;
    }
  });

  afterAll(async () => {
    await pipeline?.close();
    await Promise.all([caddy?.stop(), haproxy?.stop(), ...labs.map((lab) => lab.app.close())]);
  });

  const incidentsOf = async (siteId: string) =>
    (await pipeline.http().get(`/api/v1/sites/${siteId}/incidents`).set(pipeline.auth).expect(200)).body.items as Array<Record<string, any>>;

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('%s → Caddy at proxy is named as the gateway', async (_name, scenario) => {
    const lab = labs.find((candidate) => candidate.scenario === scenario)!;
    const [incident] = await waitFor(() => incidentsOf(lab.siteId!), (items) => items[0]?.diagnosis.cause === scenario.cause, 60_000).catch(async (error) => {
      throw new Error(`${error.message}\nincidents: ${JSON.stringify((await incidentsOf(lab.siteId!)).map((item) => item.diagnosis), null, 1)}`);
    });
    expect(incident.diagnosis).toMatchObject({ cause: scenario.cause, failingHop: 'app', reportedBy: 'proxy', gateway: 'caddy' });
    expect(incident.pattern).toBe('persistent');
    expect(incident.diagnosis.summary).toContain('Caddy at proxy');
  });
});
