// Status pages in canonical form: keyed by slug, sites by name, sets sorted, no description as null.
import { MANAGED_BY, StatusPageSpecInput } from './config-file';
import { RemoteStatusPage } from './remote-state';

export type StatusPageSpec = { slug: string; title: string; description: string | null; sites: string[]; tags: string[] };

const sorted = (values: readonly string[]) => [...new Set(values)].sort();

export function statusPageSpecFromFile(input: StatusPageSpecInput): StatusPageSpec {
  return { slug: input.slug, title: input.title, description: input.description ?? null, sites: sorted(input.sites ?? []), tags: sorted(input.tags ?? []) };
}

export function statusPageSpecFromRemote(remote: RemoteStatusPage, siteNameOf: (id: string) => string): StatusPageSpec {
  return statusPageSpecFromFile({ slug: remote.slug, title: remote.title, description: remote.description, sites: remote.siteIds.map(siteNameOf), tags: remote.tags });
}

export function isManagedStatusPage(remote: RemoteStatusPage): boolean {
  return remote.managedBy === MANAGED_BY;
}

export function statusPageFileEntry(spec: StatusPageSpec): StatusPageSpecInput {
  return {
    slug: spec.slug,
    title: spec.title,
    ...(spec.description !== null ? { description: spec.description } : {}),
    ...(spec.sites.length ? { sites: spec.sites } : {}),
    ...(spec.tags.length ? { tags: spec.tags } : {}),
  };
}

/**
 * A create marks the page as managed and leaves out a missing description; an update (PATCH) sends null to
 * clear one and leaves the owner alone, so an adopted hand-made page is never pruned.
 */
export function statusPageRequestBody(spec: StatusPageSpec, siteIdOf: (name: string) => string, options: { create: boolean }): Record<string, unknown> {
  const body = { slug: spec.slug, title: spec.title, siteIds: spec.sites.map(siteIdOf), tags: spec.tags };
  if (!options.create) return { ...body, description: spec.description };
  return { ...body, ...(spec.description !== null ? { description: spec.description } : {}), managedBy: MANAGED_BY };
}
