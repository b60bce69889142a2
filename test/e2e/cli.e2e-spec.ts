import { AddressInfo } from 'node:net';
import { CONFIG_SCHEMA, MANAGED_BY_TAG } from '@hopwatch/domain';
import { BootedPipeline, bootPipeline } from '../support/boot-pipeline';
import { cliRunner } from '../support/cli-runner';
import { freePort } from '../support/free-port';
import { startTargetServer, TargetServer } from '../support/target-server';
import { TEST_ADMIN_KEY } from '../support/test-config';

const HOOK_TOKEN = 'T0KEN-from-the-environment';
const SLACK_TOKEN = 'slackTokenFromTheEnvironment';

describe('the hopwatch CLI against a real server', () => {
  let server: BootedPipeline;
  let app: TargetServer;
  let cli: ReturnType<typeof cliRunner>;
  let url: string;

  const config = (interval = 60, appPath = '/health') => `# a hopwatch.yaml as a user writes it
version: 1
alertChannels:
  - name: on-call
    kind: webhook
    url: https://hooks.example.com/\${HOOK_TOKEN}
  - name: ops mail
    kind: email
    to: [ops@example.com]
  - name: chat
    kind: slack
    url: https://hooks.slack.com/services/T0000/B0000/\${SLACK_TOKEN}
sites:
  - name: shop
    url: ${app.url('/')}
    intervalSeconds: ${interval}
    hops:
      - name: app
        role: app
        url: ${app.url(appPath)}
    alertChannels: [on-call]
    tags: [prod]
  - name: blog
    url: ${app.url('/blog')}
maintenanceWindows:
  - name: db upgrade
    sites: [shop]
    startsAt: 2030-01-01T02:00:00Z
    endsAt: 2030-01-01T04:00:00Z
statusPages:
  - slug: public
    title: Public status
    sites: [shop]
    tags: [prod]
  - slug: blog
    title: Blog
    sites: [blog]
`;

  const get = async <T>(path: string): Promise<T> => (await server.http().get(path).set(server.auth).expect(200)).body as T;
  type StatusPage = { id: string; slug: string; title: string; siteIds: string[]; tags: string[]; managedBy: string | null; updatedAt: string };
  const pageWithSlug = async (slug: string) => (await get<StatusPage[]>('/api/v1/status-pages')).find((page) => page.slug === slug);
  const siteNamed = async (name: string) => (await get<{ items: { id: string; name: string; tags: string[]; intervalSeconds: number; bodyContains: string | null; confirmations: number; updatedAt: string; alertChannelIds: string[]; hops: { url: string }[] }[] }>('/api/v1/sites?limit=500')).items.find((site) => site.name === name);

  beforeAll(async () => {
    server = await bootPipeline();
    await server.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.app.getHttpServer().address() as AddressInfo).port}`;
    app = await startTargetServer();
    cli = cliRunner(url, TEST_ADMIN_KEY, { HOOK_TOKEN, SLACK_TOKEN });
  });

  afterAll(async () => {
    await app.close();
    await server.close();
  });

  it('prints a plan field by field, applies it, and marks what it made as managed', async () => {
    const file = cli.file('hopwatch.yaml', config());
    const result = await cli.run(['apply', '-f', file]);
    expect(result).toMatchObject({ code: 0, stderr: expect.stringMatching(/alert channel "on-call": webhook signing secret whsec_\S+ \(shown once/) });
    expect(result.stdout).toContain('+ alert channel "on-call" will be created');
    expect(result.stdout).toContain('+ site "shop" will be created');
    expect(result.stdout).toContain(`    + hops: [{"name":"app","role":"app","url":"${app.url('/health')}"}]`);
    expect(result.stdout).toContain('+ maintenance window "db upgrade" will be created');
    expect(result.stdout).toContain('+ status page "public" will be created');
    expect(result.stdout).toContain('    + sites: ["shop"]');
    expect(result.stdout).toContain('Plan: 8 to create, 0 to update, 0 to replace, 0 to delete.');
    expect(result.stdout).toContain('Apply complete: 8 changes made.');
    expect(result.stdout).not.toContain(SLACK_TOKEN);
    expect(result.stdout).toContain('    + url: "https://hooks.example.com/${HOOK_TOKEN}"');
    expect(result.stdout).not.toContain(HOOK_TOKEN);

    const channels = await get<{ id: string; name: string; url?: string; managedBy: string | null }[]>('/api/v1/alert-channels');
    const onCall = channels.find((channel) => channel.name === 'on-call')!;
    expect(onCall).toMatchObject({ url: `https://hooks.example.com/${HOOK_TOKEN}`, managedBy: 'hopwatch' });
    const shop = (await siteNamed('shop'))!;
    expect(shop).toMatchObject({ tags: [MANAGED_BY_TAG, 'prod'].sort(), alertChannelIds: [onCall.id], intervalSeconds: 60 });
    const windows = await get<{ name: string; siteIds: string[]; managedBy: string }[]>('/api/v1/maintenance-windows');
    expect(windows).toEqual([expect.objectContaining({ name: 'db upgrade', siteIds: [shop.id], managedBy: 'hopwatch' })]);
    expect(await pageWithSlug('public')).toMatchObject({ title: 'Public status', siteIds: [shop.id], tags: ['prod'], managedBy: 'hopwatch' });
    expect(await pageWithSlug('blog')).toMatchObject({ siteIds: [(await siteNamed('blog'))!.id], managedBy: 'hopwatch' });
  });

  it('changes nothing on a second apply, and says so', async () => {
    const before = (await siteNamed('shop'))!;
    const pageBefore = (await pageWithSlug('public'))!;
    const result = await cli.run(['apply', '-f', cli.file('hopwatch.yaml', config())]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.trim()).toMatch(/^No changes: the server already matches .*hopwatch\.yaml\.$/);
    expect((await siteNamed('shop'))!.updatedAt).toBe(before.updatedAt);
    expect((await pageWithSlug('public'))!.updatedAt).toBe(pageBefore.updatedAt);
  });

  it('shows an update field by field, changes nothing on --dry-run, then applies it in place', async () => {
    const file = cli.file('changed.yaml', config(30, '/ready'));
    const before = (await siteNamed('shop'))!;
    const dry = await cli.run(['apply', '-f', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('~ site "shop" will be updated in place');
    expect(dry.stdout).toContain('    ~ intervalSeconds: 60 → 30');
    expect(dry.stdout).toContain(`    ~ hops.app.url: "${app.url('/health')}" → "${app.url('/ready')}"`);
    expect(dry.stdout).toContain('Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.');
    expect((await siteNamed('shop'))!.updatedAt).toBe(before.updatedAt);

    const applied = await cli.run(['apply', '-f', file]);
    expect(applied.code).toBe(0);
    const after = (await siteNamed('shop'))!;
    expect(after).toMatchObject({ id: before.id, intervalSeconds: 30, hops: [expect.objectContaining({ url: app.url('/ready') })] });
  });

  it('updates a status page in place through PATCH, keeping its id and its owner', async () => {
    const before = (await pageWithSlug('public'))!;
    const retitled = cli.file('retitled.yaml', config(30, '/ready').replace('title: Public status', 'title: Shop status'));
    const result = await cli.run(['apply', '-f', retitled]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('~ status page "public" will be updated in place');
    expect(result.stdout).toContain('    ~ title: "Public status" → "Shop status"');
    expect(result.stdout).toContain('Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.');
    expect(await pageWithSlug('public')).toMatchObject({ id: before.id, title: 'Shop status', managedBy: 'hopwatch' });
    expect((await cli.run(['apply', '-f', cli.file('restored.yaml', config(30, '/ready'))])).code).toBe(0);
    expect(await pageWithSlug('public')).toMatchObject({ id: before.id, title: 'Public status' });
  });

  it('prunes only what an apply created: hand-made sites, channels and status pages survive', async () => {
    const handMade = await server.http().post('/api/v1/sites').set(server.auth).send({ name: 'hand-made', url: app.url('/hand') }).expect(201);
    await server.http().post('/api/v1/alert-channels').set(server.auth).send({ name: 'hand-made mail', kind: 'email', to: ['me@example.com'] }).expect(201);
    await server.http().post('/api/v1/status-pages').set(server.auth).send({ slug: 'hand-made', title: 'By hand', siteIds: [handMade.body.id] }).expect(201);
    const withoutBlog = config(30, '/ready').replace(/  - name: blog\n    url: .*\n/, '').replace(/  - slug: blog\n    title: Blog\n    sites: \[blog\]\n/, '');
    const file = cli.file('pruned.yaml', withoutBlog);

    const kept = await cli.run(['apply', '-f', file]);
    expect(kept.stdout).toContain('No changes');
    expect(kept.stdout).toContain('site "blog" was created by apply but is no longer in');
    expect(kept.stdout).toContain('status page "blog" was created by apply but is no longer in');
    expect(await siteNamed('blog')).toMatchObject({ name: 'blog', tags: expect.arrayContaining(['managed-by-hopwatch']) });
    expect(await pageWithSlug('blog')).toMatchObject({ slug: 'blog', managedBy: 'hopwatch' });

    const pruned = await cli.run(['apply', '-f', file, '--prune']);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('- site "blog" will be deleted');
    expect(pruned.stdout).toContain('- status page "blog" will be deleted');
    expect(pruned.stdout).toContain('Plan: 0 to create, 0 to update, 0 to replace, 2 to delete.');
    expect(pruned.stdout).not.toContain('hand-made');
    expect(await siteNamed('blog')).toBeUndefined();
    expect(await pageWithSlug('blog')).toBeUndefined();
    expect(await siteNamed('hand-made')).toMatchObject({ id: handMade.body.id, tags: [] });
    expect(await pageWithSlug('hand-made')).toMatchObject({ managedBy: null });
    expect(await pageWithSlug('public')).toMatchObject({ slug: 'public', managedBy: 'hopwatch' });
    const channels = await get<{ name: string }[]>('/api/v1/alert-channels');
    expect(channels.map((channel) => channel.name).sort()).toEqual(['chat', 'hand-made mail', 'on-call', 'ops mail']);
  });

  it('exports a file that applies as no change, hand-made objects included', async () => {
    const exported = await cli.run(['export']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^# yaml-language-server: \$schema=http:\/\/127\.0\.0\.1:\d+\/api\/v1\/schema\/config\.json/);
    expect(exported.stdout).toContain('name: hand-made');
    expect(exported.stdout).toContain('statusPages:\n  - slug: hand-made\n    title: By hand\n    sites:\n      - hand-made\n');
    expect(exported.stdout).toContain('  - slug: public\n    title: Public status\n    sites:\n      - shop\n    tags:\n      - prod\n');
    expect(exported.stdout).not.toContain(MANAGED_BY_TAG);
    expect(exported.stdout).not.toContain('managedBy');
    const again = await cli.run(['apply', '-f', cli.file('exported.yaml', exported.stdout), '--prune']);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout.trim()).toMatch(/^No changes/);
  });

  it.each([
    ['an unknown hop role', 'hops:\n      - name: app\n        role: origin\n        url: http://127.0.0.1:1/', '7:15', 'sites[0].hops[0].role: must be one of cdn, load_balancer, reverse_proxy, app, other'],
    ['a field that does not exist', 'intervalSecs: 30', '5:5', 'sites[0].intervalSecs: is not a known field'],
    ['a number out of range', 'intervalSeconds: 1', '5:22', 'sites[0].intervalSeconds: must be >= 5'],
    ['a variable that is not set', 'bodyContains: ${NOT_SET_ANYWHERE}', '5:19', 'sites[0].bodyContains: refers to ${NOT_SET_ANYWHERE}, which is not set'],
    ['a channel that exists nowhere', 'alertChannels: [pager]', '5:20', 'sites[0].alertChannels: no alert channel is named "pager"'],
  ])('names the file, line, column and field of %s, and exits 3', async (_name, extra, position, message) => {
    const file = cli.file('bad.yaml', `version: 1\nsites:\n  - name: broken\n    url: http://127.0.0.1:1/\n    ${extra}\n`);
    const result = await cli.run(['apply', '-f', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${file}:${position}: ${message}`);
    expect(await siteNamed('broken')).toBeUndefined();
  });

  it('reports YAML syntax errors with their position, and a missing version', async () => {
    const broken = cli.file('syntax.yaml', 'version: 1\nsites:\n  - name: [unclosed\n');
    expect(await cli.run(['apply', '-f', broken])).toMatchObject({ code: 3, stderr: expect.stringContaining(`${broken}:`) });
    const noVersion = cli.file('no-version.yaml', 'sites: []\n');
    expect(await cli.run(['apply', '-f', noVersion])).toMatchObject({ code: 3, stderr: `${noVersion}:1:1: version: is required\n` });
  });

  it.each([
    ['a site that exists nowhere', '    sites: [nowhere]\n', '5:12', 'statusPages[0].sites: no site is named "nowhere"'],
    ['a page that shows nothing', '', '3:5', 'statusPages[0]: a status page must list at least one site or tag'],
    ['a slug the server would refuse', '    tags: [prod]\n    slug: Not_A_Slug\n', '5:11', 'statusPages[0].slug: must match pattern'],
  ])('names the file, line and column of a status page with %s, and exits 3', async (_name, extra, position, message) => {
    const file = cli.file('bad-page.yaml', `version: 1\nstatusPages:\n  - title: Broken\n${extra.includes('slug:') ? '' : '    slug: broken\n'}${extra}`);
    const result = await cli.run(['apply', '-f', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${file}:${position}: ${message}`);
    expect(await pageWithSlug('broken')).toBeUndefined();
  });

  it('points at the object the server refused, and exits 1', async () => {
    const file = cli.file('refused.yaml', `version: 1\nsites:\n  - name: metadata\n    url: http://169.254.169.254/latest\n`);
    const result = await cli.run(['apply', '-f', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:3:5: sites[0]: the server refused to create site "metadata" (400): url is not allowed`);
    expect(result.stderr).toContain('0 changes were applied before it');
  });

  it('shows sites, checks one now, and exits 5 for an unknown site and 6 for a failing one', async () => {
    const sites = await cli.run(['sites']);
    expect(sites.code).toBe(0);
    expect(sites.stdout).toMatch(/^NAME\s+STATE\s+UPTIME 24H/);
    expect(sites.stdout).toMatch(/shop\s+\S+\s+.*30s\s+entry → app\s+apply/);
    expect(sites.stdout).toMatch(/hand-made\s+.*by hand/);

    const check = await cli.run(['check', 'shop']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/entry\s+default\s+ok\s+200/);
    expect(check.stdout).toMatch(/app\s+default\s+ok\s+200/);

    expect(await cli.run(['check', 'nope'])).toMatchObject({ code: 5, stderr: 'no site is named "nope" (see `hopwatch sites`)\n' });

    const closed = await freePort();
    await server.http().post('/api/v1/sites').set(server.auth).send({ name: 'down', url: `http://127.0.0.1:${closed}/` }).expect(201);
    const failing = await cli.run(['check', 'down', '--output', 'json']);
    expect(failing.code).toBe(6);
    expect(JSON.parse(failing.stdout).regions[0].results[0]).toMatchObject({ target: 'entry', ok: false, errorCode: 'ECONNREFUSED' });
  });

  it('prints JSON on --output json and colour only on a terminal', async () => {
    const file = cli.file('hopwatch.yaml', config(45, '/ready'));
    const json = await cli.run(['--output', 'json', 'apply', '-f', file, '--dry-run']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      dryRun: true,
      plan: {
        changes: [
          { kind: 'site', name: 'shop', action: 'update', fields: [{ path: 'intervalSeconds', before: 30, after: 45 }] },
          { kind: 'site', name: 'blog', action: 'create' },
          { kind: 'statusPage', name: 'blog', action: 'create', fields: [{ path: 'slug', after: 'blog' }, { path: 'title', after: 'Blog' }, { path: 'description', after: null }, { path: 'sites', after: ['blog'] }, { path: 'tags', after: [] }] },
        ],
        orphans: [],
      },
      applied: [],
    });
    const tty = await cli.run(['status'], { isTTY: true });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await cli.run(['status'], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    expect((await cli.run(['status'])).stdout).not.toContain('\u001b[');
  });

  it('exits 4 when the server is unreachable or refuses the key, and 2 on bad usage', async () => {
    const closed = await freePort();
    expect(await cli.run(['sites', '--url', `http://127.0.0.1:${closed}`])).toMatchObject({ code: 4, stderr: expect.stringContaining('cannot reach hopwatch at') });
    expect(await cli.run(['sites', '--key', 'hw_wrong_key_000000000000000'])).toMatchObject({ code: 4, stderr: expect.stringContaining('refused the API key (401)') });
    expect((await cli.run(['frobnicate'])).code).toBe(2);
    expect((await cli.run(['incidents', '--limit', 'many'])).code).toBe(2);
    expect((await cli.run(['--output', 'xml', 'sites'])).code).toBe(2);
    const help = await cli.run(['apply', '--help']);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining('--prune') });
  });

  it('replaces a changed webhook channel and moves its sites to the new one', async () => {
    const before = await get<{ id: string; name: string }[]>('/api/v1/alert-channels');
    const file = cli.file('rotated.yaml', config(30, '/ready').replace('hooks.example.com/', 'hooks.example.net/'));
    const result = await cli.run(['apply', '-f', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('-/+ alert channel "on-call" will be replaced (deleted, then created)');
    expect(result.stdout).toContain('    ~ url: "https://hooks.example.com/${HOOK_TOKEN}" → "https://hooks.example.net/${HOOK_TOKEN}"');
    expect(result.stdout).toContain('# re-linked to the replaced alert channel "on-call"');
    const after = await get<{ id: string; name: string }[]>('/api/v1/alert-channels');
    const onCall = after.find((channel) => channel.name === 'on-call')!;
    expect(onCall.id).not.toBe(before.find((channel) => channel.name === 'on-call')!.id);
    expect((await siteNamed('shop'))!.alertChannelIds).toEqual([onCall.id]);
    expect((await cli.run(['apply', '-f', file])).stdout).toMatch(/^No changes/);
  });

  it('puts a field the file no longer sets back to its default', async () => {
    const lone = (extra: string) => cli.file('lone.yaml', `version: 1\nsites:\n  - name: lone\n    url: ${app.url('/lone')}\n${extra}`);
    await cli.run(['apply', '-f', lone('    bodyContains: welcome\n    confirmations: 4\n')]);
    expect(await siteNamed('lone')).toMatchObject({ bodyContains: 'welcome', confirmations: 4 });
    const result = await cli.run(['apply', '-f', lone('')]);
    expect(result.stdout).toContain('    ~ bodyContains: "welcome" → null');
    expect(result.stdout).toContain('    ~ confirmations: 4 → 2');
    expect(await siteNamed('lone')).toMatchObject({ bodyContains: null, confirmations: 2 });
  });

  it('applies push monitors, dns:// sites and balancer backends, and exports them as no change', async () => {
    const kinds = cli.file('kinds.yaml', `version: 1
sites:
  - name: nightly-backup
    push:
      periodSeconds: 86400
      graceSeconds: 900
  - name: mail-dns
    url: dns://example.test
    dns:
      resolvers: [127.0.0.1:5353]
      recordType: MX
      expect: [10 mx.example.test]
  - name: balanced
    url: ${app.url('/')}
    hops:
      - name: lb
        role: load_balancer
        url: ${app.url('/lb')}
        backends:
          - address: 127.0.0.1:18081
          - address: 127.0.0.1:18082
            name: app-2
`);
    const applied = await cli.run(['apply', '-f', kinds]);
    expect(applied).toMatchObject({ code: 0, stderr: '' });
    type Site = { name: string; url: string; intervalSeconds: number; push: { periodSeconds: number; graceSeconds: number; pingUrl: string } | null; dns: unknown; hops: { backends: unknown }[] };
    const sites = (await get<{ items: Site[] }>('/api/v1/sites?limit=500')).items;
    const named = (name: string) => sites.find((site) => site.name === name)!;
    expect(named('nightly-backup').push).toMatchObject({ periodSeconds: 86_400, graceSeconds: 900, pingUrl: expect.stringMatching(/\/ping\//) });
    expect(named('mail-dns').dns).toEqual({ resolvers: ['127.0.0.1:5353'], recordType: 'MX', expect: ['10 mx.example.test'] });
    expect(named('balanced').hops[0].backends).toEqual([{ address: '127.0.0.1:18081', name: '127.0.0.1-18081' }, { address: '127.0.0.1:18082', name: 'app-2' }]);
    expect((await cli.run(['apply', '-f', kinds])).stdout).toMatch(/^No changes/);

    const exported = await cli.run(['export']);
    expect(exported.stdout).toContain('  - name: nightly-backup\n    push:\n      periodSeconds: 86400\n      graceSeconds: 900\n');
    expect(exported.stdout).not.toContain(named('nightly-backup').push!.pingUrl);
    expect(exported.stdout).toContain('      recordType: MX\n');
    const again = await cli.run(['apply', '-f', cli.file('kinds-exported.yaml', exported.stdout)]);
    expect(again.stdout.trim()).toMatch(/^No changes/);

    const turned = await cli.run(['apply', '-f', cli.file('turned.yaml', `version: 1\nsites:\n  - name: nightly-backup\n    url: ${app.url('/')}\n`)]);
    expect(turned.code).toBe(3);
    expect(turned.stderr).toContain('sites[0].url: "nightly-backup" is a push monitor on the server; it cannot become a URL check');
    expect(named('nightly-backup').push).not.toBeNull();
  });

  it('says why a push monitor cannot have a url', async () => {
    const file = cli.file('push-url.yaml', 'version: 1\nsites:\n  - name: cron\n    url: http://127.0.0.1:1/\n    push:\n      periodSeconds: 60\n');
    const result = await cli.run(['apply', '-f', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('sites[0].url: push monitors have no url: the server gives them their ping URL');
  });

  it('serves the JSON Schema without a key', async () => {
    const response = await server.http().get('/api/v1/schema/config.json').expect(200);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });
});
