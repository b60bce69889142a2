// Maintenance windows in canonical form: sites by name, sets sorted, times as UTC ISO strings.
import { MANAGED_BY, WindowSpecInput } from './config-file';
import { RemoteWindow } from './remote-state';

export type WindowSpec = { name: string; sites: string[]; tags: string[]; startsAt: string; endsAt: string };

const sorted = (values: readonly string[]) => [...new Set(values)].sort();
const isoTime = (value: string) => (Number.isNaN(Date.parse(value)) ? value : new Date(value).toISOString());

export function windowSpecFromFile(input: WindowSpecInput): WindowSpec {
  return { name: input.name, sites: sorted(input.sites ?? []), tags: sorted(input.tags ?? []), startsAt: isoTime(input.startsAt), endsAt: isoTime(input.endsAt) };
}

export function windowSpecFromRemote(remote: RemoteWindow, siteNameOf: (id: string) => string): WindowSpec {
  return windowSpecFromFile({ ...remote, sites: remote.siteIds.map(siteNameOf) });
}

export function isManagedWindow(remote: RemoteWindow): boolean {
  return remote.managedBy === MANAGED_BY;
}

export function windowFileEntry(spec: WindowSpec): WindowSpecInput {
  return {
    name: spec.name,
    ...(spec.sites.length ? { sites: spec.sites } : {}),
    ...(spec.tags.length ? { tags: spec.tags } : {}),
    startsAt: spec.startsAt,
    endsAt: spec.endsAt,
  };
}

export function windowRequestBody(spec: WindowSpec, siteIdOf: (name: string) => string): Record<string, unknown> {
  return { name: spec.name, siteIds: spec.sites.map(siteIdOf), tags: spec.tags, startsAt: spec.startsAt, endsAt: spec.endsAt, managedBy: MANAGED_BY };
}
