import { ConfigFile, MANAGED_BY, MANAGED_BY_TAG } from './config-file';
import { exportConfig } from './export-config';
import { desiredState, planChanges } from './plan';
import { RemoteChannel, RemoteSite, RemoteState, RemoteWindow } from './remote-state';

const remoteSite = (overrides: Partial<RemoteSite> = {}): RemoteSite => ({
  id: 'site-1', name: 'shop', url: 'https://shop.example.com/', method: 'GET', intervalSeconds: 60, timeoutMs: 10_000,
  expectStatus: '200-399', bodyContains: null, regions: ['default'], dns: { resolvers: [] }, tags: [MANAGED_BY_TAG],
  alertChannelIds: [], confirmations: 2, recoveries: 2, paused: false, detection: {},
  hops: [{ name: 'app', role: 'app', url: 'http://10.0.0.2/', connectTo: null, hostHeader: null, expectStatus: null }],
  ...overrides,
});
const remoteChannel = (overrides: Partial<RemoteChannel> = {}): RemoteChannel =>
  ({ id: 'channel-1', name: 'ops', kind: 'email', to: ['ops@example.com'], isDefault: false, managedBy: MANAGED_BY, createdAt: '2026-01-01T00:00:00.000Z', ...overrides });
const remoteWindow = (overrides: Partial<RemoteWindow> = {}): RemoteWindow =>
  ({ id: 'window-1', name: 'upgrade', siteIds: ['site-1'], tags: [], startsAt: '2026-12-01T02:00:00.000Z', endsAt: '2026-12-01T04:00:00.000Z', managedBy: MANAGED_BY, ...overrides });
const state = (overrides: Partial<RemoteState> = {}): RemoteState => ({ sites: [], channels: [], windows: [], statusPages: [], ...overrides });

const shop = { name: 'shop', url: 'https://shop.example.com/', hops: [{ name: 'app', role: 'app' as const, url: 'http://10.0.0.2/' }] };
const file = (overrides: Partial<ConfigFile> = {}): ConfigFile => ({ version: 1, ...overrides });
const plan = (config: ConfigFile, remote: RemoteState, prune = false) => planChanges(desiredState(config), remote, { prune });
const summary = (config: ConfigFile, remote: RemoteState, prune = false) =>
  plan(config, remote, prune).changes.map((change) => `${change.action} ${change.kind} ${change.name}`);

describe('planChanges', () => {
  it.each([
    { name: 'a new site is created', config: file({ sites: [shop] }), remote: state(), expected: ['create site shop'] },
    { name: 'an equal site is left alone', config: file({ sites: [shop] }), remote: state({ sites: [remoteSite()] }), expected: [] },
    { name: 'defaults written out equal defaults left out', config: file({ sites: [{ ...shop, intervalSeconds: 60, regions: ['default'], paused: false }] }), remote: state({ sites: [remoteSite()] }), expected: [] },
    { name: 'a changed interval is an update', config: file({ sites: [{ ...shop, intervalSeconds: 30 }] }), remote: state({ sites: [remoteSite()] }), expected: ['update site shop'] },
    { name: 'a hand-made site of the same name is updated in place', config: file({ sites: [{ ...shop, intervalSeconds: 30 }] }), remote: state({ sites: [remoteSite({ tags: [] })] }), expected: ['update site shop'] },
    { name: 'a managed site the file dropped is kept without --prune', config: file(), remote: state({ sites: [remoteSite()] }), expected: [] },
    { name: 'a managed site the file dropped is deleted with --prune', config: file(), remote: state({ sites: [remoteSite()] }), prune: true, expected: ['delete site shop'] },
    { name: 'a hand-made site is never pruned', config: file(), remote: state({ sites: [remoteSite({ tags: ['prod'] })] }), prune: true, expected: [] },
    { name: 'a hand-made channel is never pruned', config: file(), remote: state({ channels: [remoteChannel({ managedBy: null })] }), prune: true, expected: [] },
    { name: 'a changed channel is replaced', config: file({ alertChannels: [{ name: 'ops', kind: 'email', to: ['oncall@example.com'] }] }), remote: state({ channels: [remoteChannel()] }), expected: ['replace alertChannel ops'] },
    { name: 'an equal window is left alone', config: file({ sites: [shop], maintenanceWindows: [{ name: 'upgrade', sites: ['shop'], startsAt: '2026-12-01T02:00:00Z', endsAt: '2026-12-01T04:00:00Z' }] }), remote: state({ sites: [remoteSite()], windows: [remoteWindow()] }), expected: [] },
    { name: 'a moved window is replaced', config: file({ sites: [shop], maintenanceWindows: [{ name: 'upgrade', sites: ['shop'], startsAt: '2026-12-01T03:00:00Z', endsAt: '2026-12-01T04:00:00Z' }] }), remote: state({ sites: [remoteSite()], windows: [remoteWindow()] }), expected: ['replace maintenanceWindow upgrade'] },
  ])('$name', ({ config, remote, prune, expected }) => {
    expect(summary(config, remote, prune)).toEqual(expected);
  });

  it('lists changes field by field, hops by name', () => {
    const config = file({ sites: [{ ...shop, intervalSeconds: 30, hops: [{ name: 'app', role: 'app', url: 'http://10.0.0.3/' }, { name: 'lb', role: 'load_balancer', url: 'http://10.0.0.1/' }] }] });
    const [change] = plan(config, state({ sites: [remoteSite()] })).changes;
    expect(change.fields).toEqual([
      { path: 'intervalSeconds', before: 60, after: 30 },
      { path: 'hops.app.url', before: 'http://10.0.0.2/', after: 'http://10.0.0.3/' },
      { path: 'hops.lb', before: undefined, after: { name: 'lb', role: 'load_balancer', url: 'http://10.0.0.1/', connectTo: null, hostHeader: null, expectStatus: null, backends: [] } },
    ]);
  });

  it('compares URLs without their password, which the server never shows', () => {
    const config = file({ sites: [{ ...shop, url: 'https://monitor:s3cret@shop.example.com/' }] });
    expect(plan(config, state({ sites: [remoteSite({ url: 'https://monitor:***@shop.example.com/' })] })).changes).toEqual([]);
    const [change] = plan(config, state({ sites: [remoteSite()] })).changes;
    expect(change.fields).toEqual([{ path: 'url', before: 'https://shop.example.com/', after: 'https://monitor:***@shop.example.com/' }]);
  });

  it('names the orphans it keeps when --prune is not given', () => {
    expect(plan(file(), state({ sites: [remoteSite()] })).orphans).toEqual([{ kind: 'site', name: 'shop' }]);
  });

  it('re-links sites to a channel it replaces', () => {
    const config = file({ alertChannels: [{ name: 'ops', kind: 'email', to: ['oncall@example.com'] }], sites: [{ ...shop, alertChannels: ['ops'] }] });
    const result = plan(config, state({ channels: [remoteChannel()], sites: [remoteSite({ alertChannelIds: ['channel-1'] })] }));
    expect(result.changes.map((change) => [change.action, change.name, change.notes])).toEqual([
      ['replace', 'ops', []],
      ['update', 'shop', ['re-linked to the replaced alert channel "ops"']],
    ]);
  });

  it.each([
    { name: 'an unknown channel name', config: file({ sites: [{ ...shop, alertChannels: ['pager'] }] }), path: ['sites', 0, 'alertChannels'], message: /no alert channel is named "pager"/ },
    { name: 'an unknown site name in a window', config: file({ maintenanceWindows: [{ name: 'w', sites: ['nope'], startsAt: '2026-12-01T02:00:00Z', endsAt: '2026-12-01T04:00:00Z' }] }), path: ['maintenanceWindows', 0, 'sites'], message: /no site is named "nope"/ },
    { name: 'a name used twice', config: file({ sites: [shop, shop] }), path: ['sites', 1, 'name'], message: /named twice/ },
  ])('reports $name with its path in the file', ({ config, path, message }) => {
    const [problem] = plan(config, state()).problems;
    expect(problem.path).toEqual(path);
    expect(problem.message).toMatch(message);
  });

  it('compares only the channel fields the server shows, and says which it cannot see', () => {
    const config = file({ alertChannels: [{ name: 'chat', kind: 'slack', webhookUrl: 'https://hooks.slack.test/T1', channel: '#ops' }] });
    const result = plan(config, state({ channels: [remoteChannel({ name: 'chat', kind: 'slack', to: undefined, channel: '#ops' })] }));
    expect(result.changes).toEqual([]);
    const changed = plan(file({ alertChannels: [{ name: 'chat', kind: 'slack', webhookUrl: 'x', channel: '#alerts' }] }), state({ channels: [remoteChannel({ name: 'chat', kind: 'slack', to: undefined, channel: '#ops' })] }));
    expect(changed.changes[0]).toMatchObject({ action: 'replace', fields: [{ path: 'channel', before: '#ops', after: '#alerts' }], notes: ['the server does not show webhookUrl: a change there is not detected'] });
  });

  it.each([
    ['a Slack URL behind its mask', 'https://hooks.slack.com/services/T/B/abcdwxyz', 'https://hooks.slack.com/…wxyz', []],
    ['a token behind its mask', 'R0123456789ABCDEFwxyz', '…wxyz', []],
    ['a rotated token', 'R0123456789ABCDEFabcd', '…wxyz', ['replace']],
    ['a URL on another host', 'https://hooks.example.com/services/T/B/abcdwxyz', 'https://hooks.slack.com/…wxyz', ['replace']],
  ])('compares %s by what the mask shows', (_name, value, shown, actions) => {
    const config = file({ alertChannels: [{ name: 'chat', kind: 'slack', url: value }] });
    const result = plan(config, state({ channels: [remoteChannel({ name: 'chat', kind: 'slack', to: undefined, url: shown })] }));
    expect(result.changes.map((change) => change.action)).toEqual(actions);
  });
});

describe('exportConfig', () => {
  it('writes what apply reads back as no change', () => {
    const remote = state({
      channels: [remoteChannel(), remoteChannel({ id: 'channel-2', name: 'hook', kind: 'webhook', to: undefined, url: 'https://hooks.example.com/', managedBy: null, isDefault: true })],
      sites: [remoteSite({ alertChannelIds: ['channel-2'], intervalSeconds: 30, detection: { rateWindow: 5 } }), remoteSite({ id: 'site-2', name: 'blog', tags: ['prod'], hops: [] })],
      windows: [remoteWindow()],
    });
    const exported = exportConfig(remote);
    expect(exported.sites?.[0]).toEqual({ name: 'shop', url: 'https://shop.example.com/', intervalSeconds: 30, hops: [{ name: 'app', role: 'app', url: 'http://10.0.0.2/' }], alertChannels: ['hook'], detection: { rateWindow: 5 } });
    expect(exported.maintenanceWindows).toEqual([{ name: 'upgrade', sites: ['shop'], startsAt: '2026-12-01T02:00:00.000Z', endsAt: '2026-12-01T04:00:00.000Z' }]);
    expect(plan(exported, remote, true).changes).toEqual([]);
  });

  it('writes push monitors, dns:// sites and balancer backends so that they apply as no change', () => {
    const remote = state({ sites: [heartbeat, resolverSite, balanced] });
    const exported = exportConfig(remote);
    expect(exported.sites).toEqual([
      { name: 'nightly', push: { periodSeconds: 86_400, graceSeconds: 600 } },
      { name: 'mx', url: 'dns://example.com', dns: { resolvers: ['127.0.0.1:5353'], recordType: 'MX', expect: ['10 mx.example.com'] } },
      { name: 'shop', url: 'https://shop.example.com/', hops: [{ name: 'lb', role: 'load_balancer', url: 'http://10.0.0.1/', backends: [{ address: '10.0.0.21:8080' }, { address: '10.0.0.22:8080', name: 'app-2' }] }] },
    ]);
    expect(plan(exported, remote, true).changes).toEqual([]);
  });
});

const heartbeat = remoteSite({
  id: 'site-p', name: 'nightly', url: 'https://hopwatch.example.com/ping/abc', intervalSeconds: 60, hops: [], push: { periodSeconds: 86_400, graceSeconds: 600 },
});
const resolverSite = remoteSite({
  id: 'site-d', name: 'mx', url: 'dns://example.com', hops: [], dns: { resolvers: ['127.0.0.1:5353'], recordType: 'MX', expect: ['10 mx.example.com'] },
});
const balanced = remoteSite({
  hops: [{
    name: 'lb', role: 'load_balancer', url: 'http://10.0.0.1/', connectTo: null, hostHeader: null, expectStatus: null,
    backends: [{ address: '10.0.0.21:8080', name: '10.0.0.21-8080' }, { address: '10.0.0.22:8080', name: 'app-2' }],
  }],
});

describe('planChanges for the other monitor kinds', () => {
  it.each([
    { name: 'an equal push monitor is left alone', site: { name: 'nightly', push: { periodSeconds: 86_400, graceSeconds: 600 } }, remote: heartbeat, fields: null },
    { name: 'a push monitor\'s grace is updated in place', site: { name: 'nightly', push: { periodSeconds: 86_400 } }, remote: heartbeat, fields: [{ path: 'push.graceSeconds', before: 600, after: 60 }] },
    { name: 'a changed DNS expectation is an update', site: { name: 'mx', url: 'dns://example.com', dns: { resolvers: ['127.0.0.1:5353'], recordType: 'MX' as const, expect: ['20 mx2.example.com'] } }, remote: resolverSite, fields: [{ path: 'dns.expect', before: ['10 mx.example.com'], after: ['20 mx2.example.com'] }] },
    { name: 'a dns:// site asks for A records unless told', site: { name: 'mx', url: 'dns://example.com', dns: { resolvers: ['127.0.0.1:5353'], expect: ['10 mx.example.com'] } }, remote: resolverSite, fields: [{ path: 'dns.recordType', before: 'MX', after: 'A' }] },
    { name: 'a backend named by default equals one named by its address', site: { ...shop, hops: [{ name: 'lb', role: 'load_balancer' as const, url: 'http://10.0.0.1/', backends: [{ address: '10.0.0.21:8080', name: '10.0.0.21-8080' }, { address: '10.0.0.22:8080', name: 'app-2' }] }] }, remote: balanced, fields: null },
    { name: 'a backend taken out is an update', site: { ...shop, hops: [{ name: 'lb', role: 'load_balancer' as const, url: 'http://10.0.0.1/' }] }, remote: balanced, fields: [
      { path: 'hops.lb.backends.10.0.0.21-8080', before: { address: '10.0.0.21:8080', name: '10.0.0.21-8080' }, after: undefined },
      { path: 'hops.lb.backends.app-2', before: { address: '10.0.0.22:8080', name: 'app-2' }, after: undefined },
    ] },
  ])('$name', ({ site, remote, fields }) => {
    const changes = plan(file({ sites: [site] }), state({ sites: [remote] })).changes;
    expect(changes.map((change) => change.fields)).toEqual(fields ? [fields] : []);
  });

  it.each([
    { name: 'a URL check turned into a push monitor', site: { name: 'shop', push: { periodSeconds: 3600 } }, remote: remoteSite(), path: ['sites', 0, 'push'] },
    { name: 'a push monitor turned into a URL check', site: { name: 'nightly', url: 'https://shop.example.com/' }, remote: heartbeat, path: ['sites', 0, 'url'] },
  ])('refuses $name before anything is applied', ({ site, remote, path }) => {
    const { problems } = plan(file({ sites: [site] }), state({ sites: [remote] }));
    expect(problems).toEqual([{ path, message: expect.stringMatching(/cannot become .*: delete it first, or give the .* another name/) }]);
  });
});
