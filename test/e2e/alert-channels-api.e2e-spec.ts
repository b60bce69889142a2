import { DataSource } from 'typeorm';
import { aSite } from '../support/factories/site.factory';
import { BootedApi, bootApi } from '../support/boot-api';

describe('alert channels and maintenance windows API', () => {
  let api: BootedApi;

  beforeAll(async () => {
    api = await bootApi();
  });

  afterAll(async () => {
    await api.close();
  });

  const post = (path: string, body: Record<string, unknown>) => api.http().post(path).set(api.auth()).send(body);

  it('creates a webhook channel and shows its secret only once', async () => {
    const created = await post('/api/v1/alert-channels', { name: 'hooks', kind: 'webhook', url: 'https://hooks.example.com/in' }).expect(201);
    expect(created.body).toMatchObject({ name: 'hooks', kind: 'webhook', url: 'https://hooks.example.com/in', isDefault: false });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await api.http().get('/api/v1/alert-channels').set(api.auth()).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(listed.body.find((channel: { id: string }) => channel.id === created.body.id)).toMatchObject({ kind: 'webhook', url: 'https://hooks.example.com/in' });
  });

  it('creates an email channel and lets a site subscribe to it', async () => {
    const channel = await post('/api/v1/alert-channels', { name: 'oncall', kind: 'email', to: ['oncall@example.com', 'ops@example.com'] }).expect(201);
    expect(channel.body).toMatchObject({ kind: 'email', to: ['oncall@example.com', 'ops@example.com'] });
    expect(channel.body.secret).toBeUndefined();
    const site = await post('/api/v1/sites', aSite({ alertChannelIds: [channel.body.id] })).expect(201);
    expect(site.body.alertChannelIds).toEqual([channel.body.id]);
  });

  it.each([
    ['an email channel without recipients', { name: 'x', kind: 'email' }, /to must be a list of email addresses/],
    ['a bad address', { name: 'x', kind: 'email', to: ['not-an-address'] }, /each value in to must be an email address/],
    ['a webhook without url', { name: 'x', kind: 'webhook' }, /url must be an http/],
    ['a webhook to cloud metadata', { name: 'x', kind: 'webhook', url: 'http://169.254.169.254/hook' }, /url is not allowed: 169\.254\.169\.254 is a cloud metadata endpoint/],
    ['a webhook to a link-local address', { name: 'x', kind: 'webhook', url: 'http://169.254.10.10/hook' }, /url is not allowed: 169\.254\.10\.10 is a linkLocal address \(allow it with HOPWATCH_TARGET_ALLOW=169\.254\.10\.10\/32\)/],
    ['an unknown kind', { name: 'x', kind: 'sms' }, /kind must be one of email, webhook, slack, teams, discord, telegram, pagerduty, ntfy/],
    ['a slack channel without url', { name: 'x', kind: 'slack' }, /url must be an http:\/\/ or https:\/\/ URL \(required for webhook, slack, teams and discord channels\)/],
    ['a teams channel to a non-http url', { name: 'x', kind: 'teams', url: 'ftp://example.com/x' }, /url must be an http/],
    ['a discord channel to cloud metadata', { name: 'x', kind: 'discord', url: 'http://169.254.169.254/api/webhooks/1/x' }, /url is not allowed: 169\.254\.169\.254 is a cloud metadata endpoint/],
    ['a telegram channel without bot token', { name: 'x', kind: 'telegram', chatId: '42' }, /^botToken must be a Telegram bot token like 123456789:AA… \(required for telegram channels\)$/],
    ['a telegram channel with a malformed token', { name: 'x', kind: 'telegram', botToken: 'nope', chatId: '42' }, /^botToken must be a Telegram bot token/],
    ['a telegram channel without chat', { name: 'x', kind: 'telegram', botToken: '123456789:AAE_test-token_0123456789abcdef' }, /^chatId must be a chat id like -1001234567890 or @channelname \(required for telegram channels\)$/],
    ['a pagerduty channel without routing key', { name: 'x', kind: 'pagerduty' }, /^routingKey must be the 32-character integration key of a PagerDuty Events API v2 integration \(required for pagerduty channels\)$/],
    ['a pagerduty channel with a short key', { name: 'x', kind: 'pagerduty', routingKey: 'abc' }, /^routingKey must be the 32-character/],
    ['an ntfy channel without topic', { name: 'x', kind: 'ntfy' }, /^topic must be 1-64 letters, digits, "-" or "_" \(required for ntfy channels\)$/],
    ['an ntfy topic with a slash', { name: 'x', kind: 'ntfy', topic: 'a/b' }, /^topic must be 1-64/],
    ['a field of another kind', { name: 'x', kind: 'slack', url: 'https://hooks.slack.com/services/T/B/X', botToken: '123456789:AAE_test-token_0123456789abcdef' }, /^botToken is only for telegram channels$/],
  ])('rejects %s with 400', async (_name, body, message) => {
    const response = await post('/api/v1/alert-channels', body).expect(400);
    expect(response.body.message.some((line: string) => message.test(line))).toBe(true);
  });

  it('writes nothing for a rejected channel', async () => {
    const count = async () => (await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM alert_channels'))[0].n;
    const before = await count();
    await post('/api/v1/alert-channels', { name: 'x', kind: 'slack', url: 'https://hooks.slack.com/services/T/B/X', routingKey: 'R0123456789ABCDEF0123456789ABCDE' }).expect(400);
    await post('/api/v1/alert-channels', { name: 'x', kind: 'telegram', botToken: '123456789:AAE_test-token_0123456789abcdef' }).expect(400);
    expect(await count()).toBe(before);
  });

  it.each([
    { kind: 'slack', body: { url: 'https://hooks.slack.com/services/T000/B000/SECRETPATHwxyz' }, secret: 'SECRETPATHwxyz', shown: { url: 'https://hooks.slack.com/…wxyz' } },
    { kind: 'teams', body: { url: 'https://prod.westus.logic.azure.com/workflows/1/triggers/manual/paths/invoke?sig=SIGNATURE0wxyz' }, secret: 'SIGNATURE0wxyz', shown: { url: 'https://prod.westus.logic.azure.com/…wxyz' } },
    { kind: 'discord', body: { url: 'https://discord.com/api/webhooks/1/TOKENTOKENTOKENwxyz' }, secret: 'TOKENTOKENTOKENwxyz', shown: { url: 'https://discord.com/…wxyz' } },
    { kind: 'telegram', body: { botToken: '123456789:AAE_test-token_0123456789wxyz', chatId: '@ops_room' }, secret: 'AAE_test-token_0123456789wxyz', shown: { botToken: '…wxyz', chatId: '@ops_room' } },
    { kind: 'pagerduty', body: { routingKey: 'R0123456789ABCDEF0123456789Awxyz' }, secret: 'R0123456789ABCDEF0123456789Awxyz', shown: { routingKey: '…wxyz' } },
    { kind: 'ntfy', body: { topic: 'ops-alerts', token: 'tk_0123456789abcdefwxyz' }, secret: 'tk_0123456789abcdefwxyz', shown: { url: 'https://ntfy.sh', topic: 'ops-alerts', token: '…wxyz' } },
  ])('creates a $kind channel and never shows its secret in full', async ({ kind, body, secret, shown }) => {
    const created = await post('/api/v1/alert-channels', { name: `${kind}-ops`, kind, ...body }).expect(201);
    expect(created.body).toMatchObject({ kind, ...shown });
    const listed = await api.http().get('/api/v1/alert-channels').set(api.auth()).expect(200);
    expect(listed.body.find((channel: { id: string }) => channel.id === created.body.id)).toMatchObject(shown);
    expect(JSON.stringify(created.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
  });

  it('refuses a site subscribing to a channel that does not exist, and writes nothing', async () => {
    const before = (await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM sites'))[0].n;
    const missing = '11111111-1111-4111-8111-111111111111';
    const response = await post('/api/v1/sites', aSite({ alertChannelIds: [missing] })).expect(400);
    expect(response.body.message).toEqual([`alertChannelIds has unknown alert channels: ${missing}`]);
    expect((await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM sites'))[0].n).toBe(before);
  });

  it('deletes a channel, and shows an empty delivery log for a new one', async () => {
    const channel = await post('/api/v1/alert-channels', { name: 'temp', kind: 'webhook', url: 'https://hooks.example.com/x' }).expect(201);
    const log = await api.http().get(`/api/v1/alert-channels/${channel.body.id}/deliveries`).set(api.auth()).expect(200);
    expect(log.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    await api.http().delete(`/api/v1/alert-channels/${channel.body.id}`).set(api.auth()).expect(204);
    await api.http().get(`/api/v1/alert-channels/${channel.body.id}/deliveries`).set(api.auth()).expect(404);
  });

  it('creates, lists and deletes maintenance windows, and validates them', async () => {
    const window = await post('/api/v1/maintenance-windows', { name: 'upgrade', tags: ['db'], startsAt: '2030-01-01T02:00:00Z', endsAt: '2030-01-01T04:00:00Z' }).expect(201);
    expect(window.body).toMatchObject({ name: 'upgrade', tags: ['db'], siteIds: [], startsAt: '2030-01-01T02:00:00.000Z' });
    const reversed = await post('/api/v1/maintenance-windows', { name: 'x', tags: ['db'], startsAt: '2030-01-01T04:00:00Z', endsAt: '2030-01-01T02:00:00Z' }).expect(400);
    expect(reversed.body.message).toContain('endsAt must be after startsAt');
    const empty = await post('/api/v1/maintenance-windows', { name: 'x', startsAt: '2030-01-01T02:00:00Z', endsAt: '2030-01-01T04:00:00Z' }).expect(400);
    expect(empty.body.message).toContain('siteIds or tags must name at least one site or tag');
    const listed = await api.http().get('/api/v1/maintenance-windows').set(api.auth()).expect(200);
    expect(listed.body.map((item: { id: string }) => item.id)).toContain(window.body.id);
    await api.http().delete(`/api/v1/maintenance-windows/${window.body.id}`).set(api.auth()).expect(204);
  });
});
