// The CSRF defence for cookie-authenticated writes, besides SameSite=Strict: the request must say it comes from our own origin.
import type { Request } from 'express';

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** Our origins: the public URL's, and the one the request was addressed to (its Host header). */
function ownOrigins(request: Request, publicUrl: string): string[] {
  const origins = [new URL(publicUrl).origin];
  const host = request.headers.host;
  if (host) origins.push(`${request.protocol}://${host}`);
  return origins;
}

/** The request's Origin (or, when a browser leaves it out, its Referer's origin), or null when it sent neither. */
export function requestOrigin(request: Request): string | null {
  const origin = request.headers.origin;
  if (origin && origin !== 'null') return originOf(origin);
  return originOf(request.headers.referer);
}

/** Whether the request names one of our origins; a request that names none is not. */
export function comesFromOwnOrigin(request: Request, publicUrl: string): boolean {
  const origin = requestOrigin(request);
  return origin !== null && ownOrigins(request, publicUrl).includes(origin);
}
