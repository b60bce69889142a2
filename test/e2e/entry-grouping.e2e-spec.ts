// Sites whose entry is one shared thing: a real nginx serving many virtual hosts on one loopback address and port,
// the names resolved by a test DNS server. When the upstream they share dies, every vhost answers 502 and their
// incidents group under one root at the entry. A vhost broken on its own (its own app answers 500) fails with
// another answer and cause on the same host, and stays a single incident of its own.
import { AppServer, startAppServer } from '../support/app-server';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { startDnsServer, TestDnsServer } from '../support/dns-server';
import { freePort } from '../support/free-port';
import { GatewayProcess } from '../support/gateways/gateway-process';
import { startNginx } from '../support/gateways/nginx';

const SHARED_VHOSTS = 12;
const ZONE = 'vhosts.test';

type Incident = { id: string; siteId: string; status: string; rootIncidentId: string | null; members: Array<{ siteId: string }>; diagnosis: Record<string, any> };

describe('grouping at a shared entry', () => {
  let pipeline: BootedPipeline;
  let dns: TestDnsServer;
  let nginx: GatewayProcess;
  let sharedApp: AppServer;
  let soloApp: AppServer;
  let port = 0;
  const sharedIds: string[] = [];
  let soloId = '';

  beforeAll(async () => {
    const [nginxPort, sharedPort, soloPort] = await Promise.all([freePort(), freePort(), freePort()]);
    port = nginxPort;
    [sharedApp, soloApp] = await Promise.all([startAppServer(sharedPort), startAppServer(soloPort)]);
    const names = [...Array.from({ length: SHARED_VHOSTS }, (_, index) => `site-${index}.${ZONE}`), `solo.${ZONE}`];
    dns = await startDnsServer(Object.fromEntries(names.map((name) => [name, { A: ['127.0.0.1'] }])));
    nginx = await startNginx(names.map((name) => ({ listenPort: port, serverName: name, upstream: `127.0.0.1:${name.startsWith('solo') ? soloPort : sharedPort}` })));
    pipeline = await bootPipeline({ HOPWATCH_RESOLVERS: dns.address, HOPWATCH_ROOT_GROUPING_SECONDS: '3' });
    const register = (name: string) =>
      pipeline.http().post('/api/v1/sites').set(pipeline.auth).send({ name, url: `http://${name}:${port}/`, intervalSeconds: 5, timeoutMs: 2_000 }).expect(201);
    for (const name of names.slice(0, SHARED_VHOSTS)) sharedIds.push((await register(name)).body.id);
    soloId = (await register(`solo.${ZONE}`)).body.id;
    // every vhost answers through the shared nginx before anything breaks
    await waitFor(
      () => pipeline.query<{ site_id: string }>(`SELECT DISTINCT site_id FROM check_results WHERE ok AND target = 'entry'`),
      (rows) => rows.length === names.length,
      60_000,
    );
  }, 120_000);

  afterAll(async () => {
    await pipeline?.close();
    await Promise.all([nginx?.stop(), sharedApp?.close(), soloApp?.close(), dns?.close()]);
  });

  const incidents = async (): Promise<Incident[]> => (await pipeline.http().get('/api/v1/incidents?status=open&limit=100').set(pipeline.auth).expect(200)).body.items;

  it('groups the vhosts whose shared upstream died under one root, and keeps the vhost broken on its own apart', async () => {
    soloApp.behave({ kind: 'error', status: 500 });
    await sharedApp.down();
    const open = await waitFor(incidents, (items) => [...sharedIds, soloId].every((id) => items.some((item) => item.siteId === id)), 90_000);

    const roots = open.filter((item) => item.members.length > 0);
    expect(roots).toHaveLength(1);
    const [root] = roots;
    expect(new Set([root.siteId, ...root.members.map((member) => member.siteId)])).toEqual(new Set(sharedIds));
    expect(root.diagnosis).toMatchObject({ failingHop: 'entry' });
    for (const member of open.filter((item) => sharedIds.includes(item.siteId) && item.id !== root.id)) {
      expect(member.rootIncidentId).toBe(root.id);
      expect(member.diagnosis.cause).toBe(root.diagnosis.cause);
    }
    const [keys] = await pipeline.query<{ shared_hop_keys: string[] }>(`SELECT shared_hop_keys FROM incidents WHERE id = $1`, [root.id]);
    expect(keys.shared_hop_keys).toEqual([`entry:127.0.0.1:${port}#502`]);

    // one vhost failing alone on the same host and port: another answer, no root, no members
    const solo = open.find((item) => item.siteId === soloId)!;
    expect(solo.rootIncidentId).toBeNull();
    expect(solo.members).toEqual([]);
    expect(solo.diagnosis.cause).not.toBe(root.diagnosis.cause);
    const rootsOnly = (await pipeline.http().get('/api/v1/incidents?status=open&root=true').set(pipeline.auth).expect(200)).body.items as Incident[];
    expect(rootsOnly.map((item) => item.id)).toEqual([root.id]);
    process.stdout.write(`\nentry root: ${root.diagnosis.cause} at entry 127.0.0.1:${port} (502), ${root.members.length} members; solo vhost: ${solo.diagnosis.cause}\n`);
  });
});
