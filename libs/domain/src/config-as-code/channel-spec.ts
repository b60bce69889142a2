// Alert channels in canonical form. Their fields depend on the kind, which the server knows: we compare
// only what the file states, against what the server shows.
import { ChannelSpecInput, MANAGED_BY } from './config-file';
import { RemoteChannel } from './remote-state';

export type ChannelSpec = ChannelSpecInput & { isDefault: boolean };

/** Fields the server adds or keeps to itself; never part of the configuration. */
const SERVER_FIELDS = ['id', 'createdAt', 'updatedAt', 'managedBy', 'secret'];

export function channelSpecFromFile(input: ChannelSpecInput): ChannelSpec {
  return { ...input, isDefault: input.isDefault ?? false };
}

export function channelSpecFromRemote(remote: RemoteChannel): ChannelSpec {
  const entries = Object.entries(remote).filter(([key, value]) => !SERVER_FIELDS.includes(key) && value !== null && value !== undefined);
  return Object.fromEntries(entries) as ChannelSpec;
}

export function isManagedChannel(remote: RemoteChannel): boolean {
  return remote.managedBy === MANAGED_BY;
}

/** The shortest file entry: isDefault only when set. */
export function channelFileEntry(spec: ChannelSpec): ChannelSpecInput {
  const { isDefault, ...rest } = spec;
  return isDefault ? spec : rest;
}

export function channelRequestBody(spec: ChannelSpec): Record<string, unknown> {
  return { ...spec, managedBy: MANAGED_BY };
}

/** Fields the file sets that the server does not show back (write-only secrets): a change to them cannot be seen. */
export function unverifiableChannelFields(desired: ChannelSpec, current: ChannelSpec): string[] {
  return Object.keys(desired).filter((key) => !(key in current));
}

/**
 * The server shows a channel's secrets masked, as `prefix…last4` (`https://hooks.slack.com/…wxyz`, `…wxyz`):
 * a value from the file that fits the mask counts as the same.
 */
export function fitsMask(shown: unknown, value: unknown): boolean {
  if (typeof shown !== 'string' || typeof value !== 'string' || !shown.includes('…') || value.includes('…')) return false;
  const [prefix, suffix] = [shown.slice(0, shown.indexOf('…')), shown.slice(shown.indexOf('…') + 1)];
  return value.startsWith(prefix) && value.endsWith(suffix) && value.length >= prefix.length + suffix.length;
}

/** Both sides restricted to the fields the server shows back, so write-only fields do not count as changes. */
export function visibleChannelFields(desired: ChannelSpec, current: ChannelSpec): { desired: Record<string, unknown>; current: Record<string, unknown> } {
  const keys = Object.keys(desired).filter((key) => key in current);
  const wanted = (key: string) => (fitsMask(current[key], desired[key]) ? current[key] : desired[key]);
  return { desired: Object.fromEntries(keys.map((key) => [key, wanted(key)])), current: Object.fromEntries(keys.map((key) => [key, current[key]])) };
}
