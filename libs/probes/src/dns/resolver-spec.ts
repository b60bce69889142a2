// A DNS check's resolver as the site lists it: `system`, `1.1.1.1`, `127.0.0.1:5353`, `2606:4700::1111` or `[::1]:5353`.
import { parseConnectTo } from '@hopwatch/domain';

export const SYSTEM_RESOLVER = 'system';

export type ResolverSpec =
  | { kind: 'system' }
  | { kind: 'server'; address: string; port: number; /** the form `Resolver.setServers` takes */ server: string };

export function parseResolverSpec(value: string): ResolverSpec | null {
  if (value === SYSTEM_RESOLVER) return { kind: 'system' };
  const parsed = parseConnectTo(value);
  if (parsed === null) return null;
  const port = parsed.port ?? 53;
  const server = parsed.host.includes(':') ? `[${parsed.host}]:${port}` : `${parsed.host}:${port}`;
  return { kind: 'server', address: parsed.host, port, server };
}
