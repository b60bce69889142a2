// The sign-in cookie: its name, how it is read from a request and the attributes it is set with.
import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'hopwatch_session';

/** The session token from the Cookie header, if the browser sent one. */
export function readSessionCookie(request: Request): string | null {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === SESSION_COOKIE) {
      const value = pair.slice(separator + 1).trim();
      return value || null;
    }
  }
  return null;
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure when people reach us over https. */
export function sessionCookieOptions(request: Request, publicUrl: string, expires?: Date): CookieOptions {
  const secure = request.secure || publicUrl.startsWith('https:');
  return { httpOnly: true, sameSite: 'strict', path: '/', secure, ...(expires ? { expires } : {}) };
}
