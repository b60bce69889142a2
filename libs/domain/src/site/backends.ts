// The servers a load balancer spreads requests over. Each is probed directly at its address with the balancer's
// URL (Host and SNI kept, like connectTo), as target `<hop>@<backend>`, so one bad backend can be named.

export type Backend = {
  /** `ip:port` */
  address: string;
  name: string;
};

export const BACKEND_SEPARATOR = '@';
export const MAX_BACKENDS = 32;
export const BACKEND_NAME = /^[a-z0-9][a-z0-9_.-]{0,14}$/i;

export function backendTarget(hop: string, backend: string): string {
  return `${hop}${BACKEND_SEPARATOR}${backend}`;
}

/** `{ hop, backend }` for a backend target, null for any other. */
export function parseBackendTarget(target: string): { hop: string; backend: string } | null {
  const at = target.indexOf(BACKEND_SEPARATOR);
  return at > 0 ? { hop: target.slice(0, at), backend: target.slice(at + 1) } : null;
}

/** A backend's name when none is given: its address when short enough to be a target name, else its position. */
export function defaultBackendName(address: string, index: number): string {
  const compact = address.replace(/[[\]]/g, '').replace(/:/g, '-');
  return BACKEND_NAME.test(compact) ? compact : `backend-${index + 1}`;
}
