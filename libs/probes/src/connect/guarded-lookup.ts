// A drop-in `lookup` for node's http/https/net options (e.g. a webhook sender) that resolves through the
// region's resolvers and refuses addresses the target policy denies. Node skips `lookup` for IP-literal
// hosts, so callers must judge those themselves (see `assertAllowed`).
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { ProbeEnvironment } from '../probe-environment';
import { resolveAllowed } from './target-address';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type GuardedLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

export function createGuardedLookup(env: ProbeEnvironment): GuardedLookup {
  const never = new AbortController().signal;
  return (hostname, options, callback) => {
    resolveAllowed(hostname, env, never).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((entry) => entry.family === options.family) : addresses;
        const usable = wanted.length > 0 ? wanted : addresses;
        if (options.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
