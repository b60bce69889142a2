import { AppServer, startAppServer } from '../support/app-server';
import { deliveriesOf, watchedSite } from '../support/alerting-lab';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { ChatReceiver, DISCORD, NTFY, PAGERDUTY, ReceivedJson, SLACK, startChatReceiver, TEAMS, TELEGRAM } from '../support/chat-receivers';
import { freePort } from '../support/free-port';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const BOT_TOKEN = '123456789:AAE_test-token_0123456789abcdef';
const ROUTING_KEY = 'R0123456789ABCDEF0123456789ABCDE';
const KINDS = ['slack', 'teams', 'discord', 'telegram', 'pagerduty', 'ntfy'] as const;
type Kind = (typeof KINDS)[number];

describe('chat channels: Slack, Teams, Discord, Telegram, PagerDuty, ntfy', () => {
  let pipeline: BootedPipeline;
  let receivers: Record<Kind, ChatReceiver>;
  const apps: AppServer[] = [];

  beforeAll(async () => {
    const [slack, teams, discord, telegram, pagerduty, ntfy] = await Promise.all([SLACK, TEAMS, DISCORD, TELEGRAM, PAGERDUTY, NTFY].map(startChatReceiver));
    receivers = { slack, teams, discord, telegram, pagerduty, ntfy };
    pipeline = await bootPipeline({
      HOPWATCH_TELEGRAM_API_URL: telegram.url(''),
      HOPWATCH_PAGERDUTY_EVENTS_URL: pagerduty.url('/v2/enqueue'),
      HOPWATCH_PUBLIC_URL: 'https://hopwatch.example.com',
      HOPWATCH_RESOLVE_QUIET_SECONDS: '2',
    });
  });

  afterAll(async () => {
    await pipeline.close();
    await Promise.all([...apps.map((app) => app.close()), ...Object.values(receivers).map((receiver) => receiver.close())]);
  });

  function settingsFor(kind: Kind, receiver: ChatReceiver): Record<string, unknown> {
    switch (kind) {
      case 'slack':
        return { url: receiver.url('/services/T000/B000/XXXXXXXXXXXXXXXX') };
      case 'teams':
        return { url: receiver.url('/workflows/abc/triggers/manual/paths/invoke?sig=secret') };
      case 'discord':
        return { url: receiver.url('/api/webhooks/1/secret-token') };
      case 'telegram':
        return { botToken: BOT_TOKEN, chatId: -1001234567890 };
      case 'pagerduty':
        return { routingKey: ROUTING_KEY };
      case 'ntfy':
        return { url: receiver.url(''), topic: 'hopwatch-ops', token: 'tk_0123456789abcdefghij' };
    }
  }

  async function channel(kind: Kind, name: string): Promise<string> {
    const created = await pipeline.http().post('/api/v1/alert-channels').set(pipeline.auth).send({ name, kind, ...settingsFor(kind, receivers[kind]) }).expect(201);
    return created.body.id;
  }

  it.each(KINDS)('keeps the %s secret sealed, sends a test notice in the documented shape and answers with the delivered attempt', async (kind) => {
    const receiver = receivers[kind];
    const before = receiver.accepted.length;
    const id = await channel(kind, `${kind}-test`);
    const [stored] = await pipeline.query<{ credential: string }>('SELECT credential FROM alert_channels WHERE id = $1', [id]);
    expect(stored.credential).toMatch(/^hwenc1:/);
    const response = await pipeline.http().post(`/api/v1/alert-channels/${id}/test`).set(pipeline.auth).expect(200);
    expect(response.body).toMatchObject({ event: 'test', status: 'delivered', outcome: 'delivered', reason: null, attempts: 1 });
    expect(receiver.rejected).toEqual([]);
    expect(receiver.accepted).toHaveLength(before + 1);
  });

  it('tells of an outage and its end on all six, and PagerDuty resolves the incident it triggered', async () => {
    const origin = await startAppServer(await freePort());
    apps.push(origin);
    const ids = await Promise.all(KINDS.map((kind) => channel(kind, `${kind}-incident`)));
    const before = Object.fromEntries(KINDS.map((kind) => [kind, receivers[kind].accepted.length])) as Record<Kind, number>;
    const siteId = await watchedSite(pipeline, 'chat-shop', `http://127.0.0.1:${origin.port}/`, { alertChannelIds: ids });
    await waitFor(() => pipeline.query(`SELECT 1 FROM check_results WHERE site_id = $1`, [siteId]), (rows) => rows.length > 0, 15_000);

    await origin.down();
    const opened = await Promise.all(KINDS.map(async (kind) => (await receivers[kind].waitForAccepted(before[kind] + 1, 40_000))[before[kind]]));
    const [incident] = (await pipeline.http().get(`/api/v1/sites/${siteId}/incidents`).set(pipeline.auth).expect(200)).body.items;
    const link = `https://hopwatch.example.com/incidents/${incident.id}`;
    assertOpened(Object.fromEntries(KINDS.map((kind, index) => [kind, opened[index]])) as Record<Kind, ReceivedJson>, link);

    await origin.up();
    const resolved = await Promise.all(KINDS.map(async (kind) => (await receivers[kind].waitForAccepted(before[kind] + 2, 60_000))[before[kind] + 1]));
    const byKind = Object.fromEntries(KINDS.map((kind, index) => [kind, resolved[index]])) as Record<Kind, ReceivedJson>;
    expect(byKind.pagerduty.body).toEqual({ routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: incident.id });
    expect(opened[KINDS.indexOf('pagerduty')].body).toMatchObject({ event_action: 'trigger', dedup_key: incident.id });
    expect(byKind.slack.body.text).toMatch(/^RESOLVED chat-shop/);
    expect(byKind.teams.body.attachments[0].content.body[0]).toMatchObject({ text: expect.stringMatching(/^RESOLVED chat-shop/), color: 'Good' });
    expect(byKind.discord.body.embeds[0].title).toMatch(/^RESOLVED chat-shop/);
    expect(byKind.telegram.body.text).toMatch(/^<b>RESOLVED chat-shop/);
    expect(byKind.ntfy.body).toMatchObject({ title: expect.stringMatching(/^RESOLVED chat-shop/), tags: ['white_check_mark'], priority: 3 });

    await sleep(2_000);
    for (const kind of KINDS) {
      expect(receivers[kind].rejected).toEqual([]);
      expect(receivers[kind].accepted).toHaveLength(before[kind] + 2);
    }
    const logged = await deliveriesOf(pipeline, ids[KINDS.indexOf('pagerduty')]);
    expect(logged.map((delivery) => [delivery.event, delivery.status, delivery.responseStatus])).toEqual([['resolved', 'delivered', 202], ['opened', 'delivered', 202]]);
  });

  function assertOpened(opened: Record<Kind, ReceivedJson>, link: string): void {
    const slack = opened.slack.body;
    expect(slack.text).toBe('DOWN chat-shop — origin_down at entry');
    expect(JSON.stringify(slack.blocks)).toContain('*Failing hop*\\nentry');
    expect(slack.blocks.at(-1).elements[0].url).toBe(link);

    const card = opened.teams.body.attachments[0].content;
    expect(card.body[0]).toMatchObject({ text: 'DOWN chat-shop — origin_down at entry', color: 'Attention' });
    expect(card.body.find((element: { type: string }) => element.type === 'FactSet').facts).toEqual(
      expect.arrayContaining([{ title: 'Site', value: 'chat-shop' }, { title: 'State', value: 'open' }, { title: 'Cause', value: 'origin_down' }, { title: 'Failing hop', value: 'entry' }]),
    );
    expect(card.actions[0].url).toBe(link);

    const [embed] = opened.discord.body.embeds;
    expect(embed).toMatchObject({ title: 'DOWN chat-shop — origin_down at entry', url: link });
    expect(embed.fields).toEqual(expect.arrayContaining([{ name: 'Failing hop', value: 'entry', inline: true }]));
    expect(opened.discord.body.allowed_mentions).toEqual({ parse: [] });

    expect(opened.telegram.path).toBe(`/bot${BOT_TOKEN}/sendMessage`);
    expect(opened.telegram.body).toMatchObject({ chat_id: '-1001234567890', parse_mode: 'HTML' });
    expect(opened.telegram.body.text).toContain('<b>Cause:</b> origin_down');
    expect(opened.telegram.body.text).toContain(`<a href="${link}">Open incident</a>`);

    expect(opened.pagerduty.body).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      payload: { severity: 'critical', group: 'chat-shop', component: 'entry', class: 'origin_down', summary: expect.stringMatching(/^DOWN chat-shop — origin_down at entry: /) },
      links: [{ href: link, text: 'Incident in hopwatch' }],
    });

    expect(opened.ntfy.headers.authorization).toBe('Bearer tk_0123456789abcdefghij');
    expect(opened.ntfy.body).toMatchObject({ topic: 'hopwatch-ops', title: 'DOWN chat-shop — origin_down at entry', priority: 5, tags: ['rotating_light', 'origin_down'], click: link });
    expect(opened.ntfy.body.message).toContain('Cause: origin_down');
  }

  it('answers a test at once with "will-retry" and the reason when the service is unreachable, and "failed" when it refuses', async () => {
    const closedPort = await freePort();
    const unreachable = await pipeline.http().post('/api/v1/alert-channels').set(pipeline.auth)
      .send({ name: 'slack-down', kind: 'slack', url: `http://127.0.0.1:${closedPort}/services/T/B/X` }).expect(201);
    const startedAt = Date.now();
    const retrying = await pipeline.http().post(`/api/v1/alert-channels/${unreachable.body.id}/test`).set(pipeline.auth).expect(200);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(retrying.body).toMatchObject({ outcome: 'will-retry', reason: 'ECONNREFUSED', status: 'pending', attempts: 1 });

    receivers.discord.fail(404, 1);
    const gone = await channel('discord', 'discord-gone');
    const refused = await pipeline.http().post(`/api/v1/alert-channels/${gone}/test`).set(pipeline.auth).expect(200);
    expect(refused.body).toMatchObject({ outcome: 'failed', reason: 'HTTP 404', status: 'failed', responseStatus: 404 });
  });
});
