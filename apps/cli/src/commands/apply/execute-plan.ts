// Carries out a plan against the server: channels first (sites link to them), then sites, then windows and
// status pages (they name sites); deletions last, in the reverse order.
import {
  channelRequestBody, DesiredState, isManagedSite, ObjectKind, Plan, PlannedChange, RemoteChannel, RemoteSite, RemoteState,
  siteRequestBody, statusPageRequestBody, windowRequestBody,
} from '@hopwatch/domain';
import { ApiClient, ApiRefusal } from '../../api/api-client';

const PATHS: Record<ObjectKind, string> = {
  site: '/api/v1/sites', alertChannel: '/api/v1/alert-channels', maintenanceWindow: '/api/v1/maintenance-windows', statusPage: '/api/v1/status-pages',
};

export type AppliedChange = { change: PlannedChange; secret?: string };

/** The change the server refused, with what was applied before it. */
export class ChangeRefused extends Error {
  constructor(readonly change: PlannedChange, readonly refusal: ApiRefusal, readonly applied: AppliedChange[]) {
    super(refusal.message);
  }
}

export async function executePlan(api: ApiClient, plan: Plan, desired: DesiredState, remote: RemoteState, onApplied: (applied: AppliedChange) => void): Promise<AppliedChange[]> {
  const channels = [...remote.channels];
  const sites = [...remote.sites];
  const applied: AppliedChange[] = [];
  const byKind = (kind: ObjectKind) => plan.changes.filter((change) => change.kind === kind && change.action !== 'delete');
  const run = async (change: PlannedChange, work: () => Promise<string | undefined>) => {
    try {
      const done = { change, secret: await work() };
      applied.push(done);
      onApplied(done);
    } catch (error) {
      if (error instanceof ApiRefusal) throw new ChangeRefused(change, error, applied);
      throw error;
    }
  };
  for (const change of byKind('alertChannel')) {
    await run(change, async () => {
      if (change.action === 'replace') await removeFrom(channels, change.id!, () => api.delete(`${PATHS.alertChannel}/${change.id}`));
      const spec = desired.channels.find((channel) => channel.name === change.name)!;
      const created = await api.post<RemoteChannel & { secret?: string }>(PATHS.alertChannel, channelRequestBody(spec));
      channels.push(created);
      return created.secret;
    });
  }
  const channelIdOf = idLookup(channels, (channel) => channel.managedBy === 'hopwatch');
  for (const change of byKind('site')) {
    await run(change, async () => {
      const spec = desired.sites.find((site) => site.name === change.name)!;
      const current = sites.find((site) => site.id === change.id);
      const body = siteRequestBody(spec, channelIdOf, { managed: current ? isManagedSite(current) : true, patch: current !== undefined });
      sites.push(await (current ? api.patch<RemoteSite>(`${PATHS.site}/${current.id}`, body) : api.post<RemoteSite>(PATHS.site, body)));
      return undefined;
    });
  }
  const siteIdOf = idLookup(sites, isManagedSite);
  for (const change of byKind('maintenanceWindow')) await run(change, () => writeWindow(api, change, desired, siteIdOf));
  for (const change of byKind('statusPage')) await run(change, () => writeStatusPage(api, change, desired, siteIdOf));
  const deletions = (['statusPage', 'maintenanceWindow', 'site', 'alertChannel'] as const).flatMap((kind) => plan.changes.filter((change) => change.kind === kind && change.action === 'delete'));
  for (const change of deletions) await run(change, async () => void (await api.delete(`${PATHS[change.kind]}/${change.id}`)));
  return applied;
}

async function writeWindow(api: ApiClient, change: PlannedChange, desired: DesiredState, siteIdOf: (name: string) => string): Promise<undefined> {
  if (change.action === 'replace') await api.delete(`${PATHS.maintenanceWindow}/${change.id}`);
  const spec = desired.windows.find((window) => window.name === change.name)!;
  await api.post(PATHS.maintenanceWindow, windowRequestBody(spec, siteIdOf));
  return undefined;
}

/** Status pages have a PATCH, so a changed page keeps its id. */
async function writeStatusPage(api: ApiClient, change: PlannedChange, desired: DesiredState, siteIdOf: (name: string) => string): Promise<undefined> {
  const spec = desired.statusPages.find((page) => page.slug === change.name)!;
  const body = statusPageRequestBody(spec, siteIdOf, { create: change.id === null });
  await (change.id === null ? api.post(PATHS.statusPage, body) : api.patch(`${PATHS.statusPage}/${change.id}`, body));
  return undefined;
}

async function removeFrom(list: { id: string }[], id: string, remove: () => Promise<void>): Promise<void> {
  await remove();
  list.splice(list.findIndex((item) => item.id === id), 1);
}

/** Name → id, preferring the object apply manages when a name is taken twice (the plan refuses real ambiguity). */
function idLookup<T extends { id: string; name: string }>(objects: T[], managed: (object: T) => boolean): (name: string) => string {
  return (name) => {
    const named = objects.filter((object) => object.name === name);
    return (named.find(managed) ?? named[named.length - 1]).id;
  };
}
