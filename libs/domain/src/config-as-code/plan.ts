// Compares hopwatch.yaml with the server and lists what apply would create, update, replace or delete.
import { withoutPassword } from '../site/url-redaction';
import { ChannelSpec, channelSpecFromFile, channelSpecFromRemote, isManagedChannel, unverifiableChannelFields, visibleChannelFields } from './channel-spec';
import { ConfigFile } from './config-file';
import { diffFields, FieldChange } from './field-diff';
import { RemoteChannel, RemoteSite, RemoteState, RemoteStatusPage, RemoteWindow } from './remote-state';
import { isManagedSite, SiteSpec, siteSpecFromFile, siteSpecFromRemote } from './site-spec';
import { isManagedStatusPage, StatusPageSpec, statusPageSpecFromFile, statusPageSpecFromRemote } from './status-page-spec';
import { isManagedWindow, WindowSpec, windowSpecFromFile, windowSpecFromRemote } from './window-spec';

export type ObjectKind = 'site' | 'alertChannel' | 'maintenanceWindow' | 'statusPage';
export type ChangeAction = 'create' | 'update' | 'replace' | 'delete';

export type PlannedChange = {
  kind: ObjectKind;
  /** The object's key: its name, or a status page's slug. */
  name: string;
  action: ChangeAction;
  /** The server object changed or deleted; null for a create. */
  id: string | null;
  fields: FieldChange[];
  notes: string[];
};

/** A problem in the file found by looking at the server too; `path` points into the file. */
export type ConfigProblem = { path: (string | number)[]; message: string };

export type Plan = {
  changes: PlannedChange[];
  /** Objects an apply created that the file no longer names, kept because --prune was not given. */
  orphans: { kind: ObjectKind; name: string }[];
  problems: ConfigProblem[];
};

export type DesiredState = { sites: SiteSpec[]; channels: ChannelSpec[]; windows: WindowSpec[]; statusPages: StatusPageSpec[] };

export function desiredState(file: ConfigFile): DesiredState {
  return {
    sites: (file.sites ?? []).map(siteSpecFromFile),
    channels: (file.alertChannels ?? []).map(channelSpecFromFile),
    windows: (file.maintenanceWindows ?? []).map(windowSpecFromFile),
    statusPages: (file.statusPages ?? []).map(statusPageSpecFromFile),
  };
}

type Remote = { id: string; name: string };
type Section<R extends { id: string }, S> = {
  kind: ObjectKind;
  fileKey: string;
  /** The field that names an object in the file and on the server. */
  keyField: string;
  remote: R[];
  remoteKey: (remote: R) => string;
  specKey: (spec: S) => string;
  managed: (remote: R) => boolean;
  compare: (desired: S, remote: R) => { fields: FieldChange[]; replace: boolean; notes: string[] };
};

export function planChanges(desired: DesiredState, remote: RemoteState, options: { prune: boolean }): Plan {
  const channelName = nameLookup(remote.channels);
  const siteName = nameLookup(remote.sites);
  const problems = [
    ...referenceProblems(desired, remote),
    ...duplicateProblems('sites', desired.sites),
    ...duplicateProblems('alertChannels', desired.channels),
    ...duplicateProblems('maintenanceWindows', desired.windows),
    ...duplicateProblems('statusPages', desired.statusPages.map((page) => ({ name: page.slug })), 'slug'),
    ...emptyStatusPageProblems(desired.statusPages),
    ...monitorKindProblems(desired.sites, remote.sites),
  ];
  const channels = planSection<RemoteChannel, ChannelSpec>({
    kind: 'alertChannel', fileKey: 'alertChannels', ...byName, remote: remote.channels, managed: isManagedChannel,
    compare: compareChannel,
  }, desired.channels, options.prune);
  const replacedChannels = new Set(channels.changes.filter((change) => change.action === 'replace').map((change) => change.name));
  const sites = planSection<RemoteSite, SiteSpec>({
    kind: 'site', fileKey: 'sites', ...byName, remote: remote.sites, managed: isManagedSite,
    compare: (spec, site) => compareSite(spec, siteSpecFromRemote(site, channelName), replacedChannels),
  }, desired.sites, options.prune);
  const windows = planSection<RemoteWindow, WindowSpec>({
    kind: 'maintenanceWindow', fileKey: 'maintenanceWindows', ...byName, remote: remote.windows, managed: isManagedWindow,
    compare: (spec, window) => {
      const fields = diffFields(windowSpecFromRemote(window, siteName), spec);
      return { fields, replace: fields.length > 0, notes: [] };
    },
  }, desired.windows, options.prune);
  const statusPages = planSection<RemoteStatusPage, StatusPageSpec>({
    kind: 'statusPage', fileKey: 'statusPages', keyField: 'slug', remoteKey: (page) => page.slug, specKey: (spec) => spec.slug,
    remote: remote.statusPages, managed: isManagedStatusPage,
    compare: (spec, page) => ({ fields: diffFields(statusPageSpecFromRemote(page, siteName), spec), replace: false, notes: [] }),
  }, desired.statusPages, options.prune);
  const sections = [channels, sites, windows, statusPages];
  return {
    changes: sections.flatMap((section) => section.changes),
    orphans: sections.flatMap((section) => section.orphans),
    problems: [...problems, ...sections.flatMap((section) => section.problems)],
  };
}

export function nameLookup(objects: Remote[]): (id: string) => string {
  const names = new Map(objects.map((object) => [object.id, object.name]));
  return (id) => names.get(id) ?? id;
}

// The server never shows a URL's password (it shows "***"), so the file's side is compared the same way.
function passwordsHidden<T extends object>(spec: T): T {
  const hide = (url: unknown) => (typeof url === 'string' ? withoutPassword(url) : url);
  const fields = spec as { url?: unknown; hops?: unknown };
  const hops = Array.isArray(fields.hops) ? { hops: fields.hops.map((hop: { url: string }) => ({ ...hop, url: hide(hop.url) })) } : {};
  return { ...spec, ...('url' in fields ? { url: hide(fields.url) } : {}), ...hops };
}

function compareChannel(spec: ChannelSpec, remote: RemoteChannel) {
  const current = channelSpecFromRemote(remote);
  const visible = visibleChannelFields(passwordsHidden(spec), current);
  const fields = diffFields(visible.current, visible.desired);
  const hidden = unverifiableChannelFields(spec, current);
  const notes = hidden.length ? [`the server does not show ${hidden.join(', ')}: a change there is not detected`] : [];
  if (fields.length > 0 && remote.kind === 'webhook') notes.push('replaced: a new webhook secret is generated');
  return { fields, replace: fields.length > 0, notes };
}

function compareSite(spec: SiteSpec, current: SiteSpec, replacedChannels: Set<string>) {
  const fields = diffFields(current, passwordsHidden(spec));
  const relinked = spec.alertChannels.filter((name) => replacedChannels.has(name));
  const notes = relinked.map((name) => `re-linked to the replaced alert channel "${name}"`);
  return { fields, replace: false, notes };
}

const byName = { keyField: 'name', remoteKey: (remote: { name: string }) => remote.name, specKey: (spec: { name: string }) => spec.name };

function planSection<R extends { id: string }, S>(section: Section<R, S>, specs: S[], prune: boolean) {
  const changes: PlannedChange[] = [];
  const problems: ConfigProblem[] = [];
  const claimed = new Set<string>();
  specs.forEach((spec, index) => {
    const key = section.specKey(spec);
    const matches = section.remote.filter((remote) => section.remoteKey(remote) === key);
    const chosen = matches.length > 1 ? matches.filter(section.managed) : matches;
    if (chosen.length > 1 || (matches.length > 1 && chosen.length === 0)) {
      problems.push({ path: [section.fileKey, index, section.keyField], message: `${matches.length} objects on the server are named "${key}"; rename all but one` });
      return;
    }
    const current = chosen[0];
    if (!current) {
      changes.push({ kind: section.kind, name: key, action: 'create', id: null, fields: diffFields({}, spec), notes: [] });
      return;
    }
    claimed.add(current.id);
    const { fields, replace, notes } = section.compare(spec, current);
    if (fields.length > 0 || notes.some((note) => note.startsWith('re-linked'))) {
      changes.push({ kind: section.kind, name: key, action: replace ? 'replace' : 'update', id: current.id, fields, notes });
    }
  });
  const unnamed = section.remote.filter((remote) => section.managed(remote) && !claimed.has(remote.id) && !specs.some((spec) => section.specKey(spec) === section.remoteKey(remote)));
  const orphans = prune ? [] : unnamed.map((remote) => ({ kind: section.kind, name: section.remoteKey(remote) }));
  if (prune) changes.push(...unnamed.map((remote): PlannedChange => ({ kind: section.kind, name: section.remoteKey(remote), action: 'delete', id: remote.id, fields: [], notes: [] })));
  return { changes, orphans, problems };
}

function duplicateProblems(fileKey: string, specs: { name: string }[], keyField = 'name'): ConfigProblem[] {
  return specs.flatMap((spec, index) =>
    specs.findIndex((other) => other.name === spec.name) < index
      ? [{ path: [fileKey, index, keyField], message: `"${spec.name}" is named twice in ${fileKey}` }]
      : []);
}

// The server refuses a page that shows nothing; saying so before anything is applied keeps an apply whole.
function emptyStatusPageProblems(pages: StatusPageSpec[]): ConfigProblem[] {
  return pages.flatMap((page, index) =>
    page.sites.length + page.tags.length === 0 ? [{ path: ['statusPages', index], message: 'a status page must list at least one site or tag' }] : []);
}

// The server keeps a push monitor a push monitor (its ping URL is its identity); turning one into the other is a
// delete and a create, which loses history, so the file has to say so by removing the site first.
function monitorKindProblems(specs: SiteSpec[], remote: RemoteSite[]): ConfigProblem[] {
  return specs.flatMap((spec, index) => {
    const current = remote.find((site) => site.name === spec.name);
    if (!current || Boolean(current.push) === (spec.push !== null)) return [];
    const message = current.push
      ? `"${spec.name}" is a push monitor on the server; it cannot become a URL check: delete it first, or give the URL check another name`
      : `"${spec.name}" is checked at its URL on the server; it cannot become a push monitor: delete it first, or give the push monitor another name`;
    return [{ path: ['sites', index, current.push ? 'url' : 'push'], message }];
  });
}

function referenceProblems(desired: DesiredState, remote: RemoteState): ConfigProblem[] {
  const channelNames = new Set([...desired.channels, ...remote.channels].map((channel) => channel.name));
  const siteNames = new Set([...desired.sites, ...remote.sites].map((site) => site.name));
  const unknownChannels = desired.sites.flatMap((site, index) =>
    site.alertChannels.filter((name) => !channelNames.has(name)).map((name) => ({
      path: ['sites', index, 'alertChannels'], message: `no alert channel is named "${name}" (in this file or on the server)`,
    })));
  const unknownSites = (fileKey: string, objects: { sites: string[] }[]) => objects.flatMap((object, index) =>
    object.sites.filter((name) => !siteNames.has(name)).map((name) => ({
      path: [fileKey, index, 'sites'], message: `no site is named "${name}" (in this file or on the server)`,
    })));
  return [...unknownChannels, ...unknownSites('maintenanceWindows', desired.windows), ...unknownSites('statusPages', desired.statusPages)];
}
