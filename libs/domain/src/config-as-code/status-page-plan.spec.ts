import { ConfigFile, MANAGED_BY, StatusPageSpecInput } from './config-file';
import { exportConfig } from './export-config';
import { desiredState, planChanges } from './plan';
import { RemoteSite, RemoteState, RemoteStatusPage } from './remote-state';
import { statusPageRequestBody, statusPageSpecFromFile } from './status-page-spec';

// Hand-made sites, so the file's silence about them plans nothing.
const remoteSite = (id: string, name: string): RemoteSite => ({
  id, name, url: `https://${name}.example.com/`, method: 'GET', intervalSeconds: 60, timeoutMs: 10_000, expectStatus: '200-399', bodyContains: null,
  regions: ['default'], dns: { resolvers: [] }, tags: [], alertChannelIds: [], confirmations: 2, recoveries: 2, paused: false, detection: {}, hops: [],
});
const sites = [remoteSite('site-1', 'shop'), remoteSite('site-2', 'blog')];
const remotePage = (overrides: Partial<RemoteStatusPage> = {}): RemoteStatusPage =>
  ({ id: 'page-1', slug: 'public', title: 'Public status', description: null, siteIds: ['site-1'], tags: [], managedBy: MANAGED_BY, ...overrides });
const state = (statusPages: RemoteStatusPage[]): RemoteState => ({ sites, channels: [], windows: [], statusPages });
const page = (overrides: Partial<StatusPageSpecInput> = {}): StatusPageSpecInput => ({ slug: 'public', title: 'Public status', sites: ['shop'], ...overrides });
const file = (...statusPages: StatusPageSpecInput[]): ConfigFile => ({ version: 1, statusPages });
const plan = (config: ConfigFile, remote: RemoteState, prune = false) => planChanges(desiredState(config), remote, { prune });

describe('planChanges for status pages', () => {
  it.each([
    { name: 'a new page is created', config: file(page()), remote: state([]), expected: ['create public'] },
    { name: 'an equal page is left alone', config: file(page()), remote: state([remotePage()]), expected: [] },
    { name: 'sites and tags compare as sets', config: file(page({ sites: ['blog', 'shop', 'shop'], tags: ['b', 'a'] })), remote: state([remotePage({ siteIds: ['site-1', 'site-2'], tags: ['a', 'b'] })]), expected: [] },
    { name: 'no description equals a null one', config: file(page({ description: null })), remote: state([remotePage()]), expected: [] },
    { name: 'a new title is an update in place', config: file(page({ title: 'Status' })), remote: state([remotePage()]), expected: ['update public'] },
    { name: 'a hand-made page of the same slug is updated in place', config: file(page({ tags: ['prod'] })), remote: state([remotePage({ managedBy: null })]), expected: ['update public'] },
    { name: 'a managed page the file dropped is kept without --prune', config: file(), remote: state([remotePage()]), expected: [] },
    { name: 'a managed page the file dropped is deleted with --prune', config: file(), remote: state([remotePage()]), prune: true, expected: ['delete public'] },
    { name: 'a hand-made page is never pruned', config: file(), remote: state([remotePage({ managedBy: null })]), prune: true, expected: [] },
    { name: 'a page another tool manages is never pruned', config: file(), remote: state([remotePage({ managedBy: 'terraform' })]), prune: true, expected: [] },
  ])('$name', ({ config, remote, prune, expected }) => {
    const changes = plan(config, remote, prune).changes;
    expect(changes.every((change) => change.kind === 'statusPage')).toBe(true);
    expect(changes.map((change) => `${change.action} ${change.name}`)).toEqual(expected);
  });

  it('lists an update field by field, sites by name', () => {
    const [change] = plan(file(page({ title: 'Status', sites: ['blog', 'shop'], description: 'All of it' })), state([remotePage()])).changes;
    expect(change).toMatchObject({ action: 'update', id: 'page-1' });
    expect(change.fields).toEqual([
      { path: 'title', before: 'Public status', after: 'Status' },
      { path: 'description', before: null, after: 'All of it' },
      { path: 'sites', before: ['shop'], after: ['blog', 'shop'] },
    ]);
  });

  it('names the managed page it keeps as an orphan', () => {
    expect(plan(file(), state([remotePage()])).orphans).toEqual([{ kind: 'statusPage', name: 'public' }]);
  });

  it.each([
    { name: 'an unknown site name', config: file(page({ sites: ['nope'] })), path: ['statusPages', 0, 'sites'], message: /no site is named "nope"/ },
    { name: 'a slug used twice', config: file(page(), page()), path: ['statusPages', 1, 'slug'], message: /"public" is named twice in statusPages/ },
    { name: 'a page that shows nothing', config: file(page({ sites: [] })), path: ['statusPages', 0], message: /at least one site or tag/ },
  ])('reports $name with its path in the file', ({ config, path, message }) => {
    const problems = plan(config, state([])).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toEqual(path);
    expect(problems[0].message).toMatch(message);
  });
});

describe('statusPageRequestBody', () => {
  const ids = new Map([['shop', 'site-1'], ['blog', 'site-2']]);
  const idOf = (name: string) => ids.get(name)!;
  it.each([
    { name: 'a create marks the page as managed and leaves out no description', create: true, expected: { slug: 'public', title: 'Public status', siteIds: ['site-2', 'site-1'], tags: ['prod'], managedBy: MANAGED_BY } },
    { name: 'an update clears the description and leaves the owner alone', create: false, expected: { slug: 'public', title: 'Public status', description: null, siteIds: ['site-2', 'site-1'], tags: ['prod'] } },
  ])('$name', ({ create, expected }) => {
    expect(statusPageRequestBody(statusPageSpecFromFile(page({ sites: ['shop', 'blog'], tags: ['prod'] })), idOf, { create })).toEqual(expected);
  });
});

describe('exportConfig with status pages', () => {
  it('writes pages by slug with site names, leaving out what is empty, and applies back as no change', () => {
    const remote = state([remotePage({ siteIds: ['site-2', 'site-1'] }), remotePage({ id: 'page-2', slug: 'blog', title: 'Blog', description: 'Words', siteIds: [], tags: ['prod'], managedBy: null })]);
    const exported = exportConfig(remote);
    expect(exported.statusPages).toEqual([
      { slug: 'public', title: 'Public status', sites: ['blog', 'shop'] },
      { slug: 'blog', title: 'Blog', description: 'Words', tags: ['prod'] },
    ]);
    expect(plan(exported, remote, true).changes).toEqual([]);
  });
});
