// 200 sites behind one shared nginx whose upstream app is down: one root incident lists the other 199 sites'
// incidents, and each channel hears one `opened` notice, not 200, then one `updated` notice listing the whole group
// once it settles. The root outlives its own site's recovery and ends with the last member, in one resolved notice.
// A site failing for another reason stays apart.
import { AppServer, startAppServer } from '../support/app-server';
import { deliveriesOf, webhookChannel } from '../support/alerting-lab';
import { saveArtifact } from '../support/artifacts';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { freePort } from '../support/free-port';
import { GatewayProcess } from '../support/gateways/gateway-process';
import { startNginx } from '../support/gateways/nginx';
import { ReceivedWebhook, WebhookReceiver } from '../support/webhook-receiver';

const SITES = 200;

const incidentOf = (hook: ReceivedWebhook) => (hook.payload.data as { incident: Record<string, any> }).incident;
const siteOf = (hook: ReceivedWebhook) => (hook.payload.data as { site: { id: string } }).site;

describe('one incident per root cause', () => {
  let pipeline: BootedPipeline;
  let nginx: GatewayProcess;
  let otherApp: AppServer;
  let healthyApp: AppServer;
  let sharedApp: AppServer | undefined;
  let deadAppPort = 0;
  let rootId = '';
  const channels: Array<{ id: string; receiver: WebhookReceiver }> = [];
  const sharedIds: string[] = [];
  let separateId = '';

  beforeAll(async () => {
    const [proxyPort, deadPort, otherProxyPort, otherAppPort, healthyPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    deadAppPort = deadPort;
    // the other site's app answers 500 through its own proxy: another cause at another hop
    otherApp = await startAppServer(otherAppPort, { kind: 'error', status: 500 });
    healthyApp = await startAppServer(healthyPort);
    nginx = await startNginx([
      { listenPort: proxyPort, upstream: `127.0.0.1:${deadAppPort}` },
      { listenPort: otherProxyPort, upstream: `127.0.0.1:${otherAppPort}` },
    ]);
    // a pause of 15 s without a join settles the group, even on a machine busy enough to stall checks for seconds
    pipeline = await bootPipeline({ HOPWATCH_RESOLVE_QUIET_SECONDS: '5', HOPWATCH_ROOT_GROUPING_SECONDS: '15' });
    for (const name of ['ops-hook', 'chat-hook']) channels.push(await webhookChannel(pipeline, name, { isDefault: true }));
    const register = (name: string, entry: string, proxy: string, app: string) =>
      pipeline.http().post('/api/v1/sites').set(pipeline.auth).send({
        name,
        url: entry,
        intervalSeconds: 5,
        timeoutMs: 2_000,
        hops: [
          { name: 'proxy', role: 'reverse_proxy', url: proxy },
          { name: 'app', role: 'app', url: app },
        ],
      });
    // ten at a time: registering 200 sites one by one is slow on a busy machine
    for (let first = 0; first < SITES; first += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, SITES - first) }, (_, offset) => first + offset).map((index) =>
          register(`site-${String(index).padStart(3, '0')}`, `http://127.0.0.1:${proxyPort}/site-${index}`, `http://127.0.0.1:${proxyPort}/`, `http://127.0.0.1:${deadAppPort}/health`),
        ),
      );
      for (const response of batch) expect(response.status).toBe(201);
      sharedIds.push(...batch.map((response) => response.body.id));
    }
    const separate = await register('elsewhere', `http://127.0.0.1:${otherProxyPort}/`, `http://127.0.0.1:${otherProxyPort}/`, `http://127.0.0.1:${otherAppPort}/health`);
    expect(separate.status).toBe(201);
    separateId = separate.body.id;
  }, 180_000);

  afterAll(async () => {
    await pipeline?.close();
    await Promise.all([nginx?.stop(), otherApp?.close(), healthyApp?.close(), sharedApp?.close(), ...channels.map((channel) => channel.receiver.close())]);
  });

  const openIncidents = async () => (await pipeline.query<{ site_id: string; root_incident_id: string | null }>(`SELECT site_id, root_incident_id FROM incidents WHERE status = 'open'`));

  it('groups 200 sites failing at one dead shared hop under one root and sends one opened notice per channel', async () => {
    const started = Date.now();
    await waitFor(openIncidents, (rows) => sharedIds.every((id) => rows.some((row) => row.site_id === id)), 120_000);
    const allOpenMs = Date.now() - started;
    const [root] = (await pipeline.http().get('/api/v1/incidents?root=true').set(pipeline.auth).expect(200)).body.items;
    rootId = root.id;
    expect(root.rootIncidentId).toBeNull();
    expect(root.diagnosis).toMatchObject({ cause: 'origin_down', failingHop: 'app' });
    expect(root.members).toHaveLength(SITES - 1);
    expect(new Set([root.siteId, ...root.members.map((member: { siteId: string }) => member.siteId)])).toEqual(new Set(sharedIds));
    const member = (await pipeline.http().get(`/api/v1/incidents/${root.members[0].incidentId}`).set(pipeline.auth).expect(200)).body;
    expect(member.rootIncidentId).toBe(root.id);
    expect(member.timeline[0].message).toContain(`Part of root incident ${root.id}`);

    // give the notifier time to send anything it was going to send for the members
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    for (const channel of channels) {
      const deliveries = await deliveriesOf(pipeline, channel.id);
      const sharedOpened = deliveries.filter((delivery) => delivery.event === 'opened' && sharedIds.includes(delivery.siteId));
      expect(sharedOpened).toHaveLength(1);
      const webhooks = channel.receiver.accepted().filter((hook) => hook.type === 'incident.opened' && sharedIds.includes(siteOf(hook).id));
      expect(webhooks).toHaveLength(1);
      expect(incidentOf(webhooks[0]).id).toBe(root.id);
    }
    const opened = channels[0].receiver.accepted().find((hook) => hook.type === 'incident.opened' && incidentOf(hook).id === root.id)!;
    process.stdout.write(`\n${SITES} sites open in ${allOpenMs} ms; opened notices per channel for them: 1, listing ${incidentOf(opened).affectedSites.length} sites\n`);
  }, 180_000);

  it('sends one updated notice per channel that lists the whole group once it has settled', async () => {
    for (const channel of channels) {
      const rootNotices = () => channel.receiver.accepted().filter((hook) => ['incident.opened', 'incident.updated'].includes(hook.type) && incidentOf(hook).id === rootId);
      // the last notice about the root, whichever it is, names every site; there is at most one update
      const notices = await waitFor(async () => rootNotices(), (hooks) => hooks.some((hook) => incidentOf(hook).affectedSites.length === SITES), 120_000);
      expect(notices.filter((hook) => hook.type === 'incident.updated').length).toBeLessThanOrEqual(1);
      expect(new Set(incidentOf(notices[notices.length - 1]).affectedSites)).toEqual(new Set(await siteNames(sharedIds)));
    }
    const updates = channels[0].receiver.accepted().filter((hook) => hook.type === 'incident.updated' && incidentOf(hook).id === rootId);
    process.stdout.write(`root updates sent per channel: ${updates.length}${updates[0] ? `, listing ${incidentOf(updates[0]).affectedSites.length} sites` : ''}\n`);
  }, 180_000);

  it('stays open while its members fail after its own site recovered, and ends with the last of them in one resolved notice', async () => {
    const rootIncident = async () => (await pipeline.http().get(`/api/v1/incidents/${rootId}`).set(pipeline.auth).expect(200)).body;
    const rootSite = (await rootIncident()).siteId;
    // the root's own site moves off the dead hop and recovers; its 199 members still fail there
    await pipeline.http().patch(`/api/v1/sites/${rootSite}`).set(pipeline.auth).send({ url: `http://127.0.0.1:${healthyApp.port}/`, hops: [] }).expect(200);
    const waiting = await waitFor(rootIncident, (incident) => incident.timeline.some((entry: { message: string }) => entry.message.startsWith('This site recovered, but 199 other sites still fail')), 120_000);
    expect(waiting.status).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 8_000)); // past the quiet period: nothing may be announced as over
    expect((await rootIncident()).status).toBe('open');
    for (const channel of channels) expect(channel.receiver.accepted().filter((hook) => hook.type === 'incident.resolved')).toEqual([]);

    sharedApp = await startAppServer(deadAppPort);
    const resolved = await waitFor(rootIncident, (incident) => incident.status === 'resolved', 180_000);
    // the root ends with its last member: none is open, none ended after it
    const lateMembers = await pipeline.query(
      `SELECT member.id, member.status, member.resolved_at, member.state,
              (SELECT json_agg(json_build_object('at', entry.at, 'kind', entry.kind, 'message', entry.message) ORDER BY entry.id) FROM incident_timeline entry WHERE entry.incident_id = member.id) AS timeline
         FROM incidents member WHERE member.root_incident_id = $1 AND (member.resolved_at IS NULL OR member.resolved_at > $2)`,
      [rootId, resolved.resolvedAt],
    );
    expect(lateMembers).toEqual([]);
    expect(resolved.timeline.at(-1)).toMatchObject({ kind: 'resolved', message: expect.stringContaining(`It affected ${SITES} sites failing at that shared hop`) });
    // the root and its members: one resolved notice per channel among them, the root's (a shared site that fails anew
    // later, say a check timing out on a loaded machine, opens an incident of its own, which is no part of this)
    const grouped = new Set([rootId, ...resolved.members.map((member: { incidentId: string }) => member.incidentId)]);
    expect(grouped.size).toBe(SITES);
    const resolvedNotices = (channel: (typeof channels)[number]) =>
      channel.receiver.accepted().filter((hook) => hook.type === 'incident.resolved' && grouped.has(incidentOf(hook).id));
    for (const channel of channels) {
      const [notice] = await waitFor(async () => resolvedNotices(channel), (hooks) => hooks.length > 0, 60_000);
      expect(incidentOf(notice)).toMatchObject({ id: rootId, status: 'resolved' });
      expect(incidentOf(notice).affectedSites).toHaveLength(SITES);
      expect(incidentOf(notice).durationSeconds).toBeGreaterThan(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const channel of channels) expect(resolvedNotices(channel)).toHaveLength(1);
    const shown = (await pipeline.http().get(`/api/v1/incidents?root=true&status=resolved`).set(pipeline.auth).expect(200)).body.items[0];
    const path = saveArtifact('root-incident', { ...shown, members: shown.members });
    process.stdout.write(`root incident resolved after ${Math.round((Date.parse(resolved.resolvedAt) - Date.parse(resolved.startedAt)) / 1000)} s${path ? `; saved to ${path}` : ''}\n`);
  }, 420_000);

  const siteNames = async (ids: string[]) =>
    (await pipeline.query<{ name: string }>(`SELECT name FROM sites WHERE id = ANY($1::uuid[])`, [ids])).map((row) => row.name);

  it('keeps a site failing for another reason apart, with its own notice', async () => {
    const [incident] = await waitFor(
      async () => (await pipeline.http().get(`/api/v1/sites/${separateId}/incidents`).set(pipeline.auth).expect(200)).body.items,
      (items: Array<Record<string, any>>) => items.length > 0,
      60_000,
    );
    expect(incident.rootIncidentId).toBeNull();
    expect(incident.members).toEqual([]);
    expect(incident.diagnosis.cause).toBe('origin_error');
    await waitFor(async () => channels[0].receiver.accepted(), (hooks) => hooks.some((hook) => hook.type === 'incident.opened' && incidentOf(hook).id === incident.id), 30_000);
  });
});
