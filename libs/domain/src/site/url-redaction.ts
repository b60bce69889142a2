// URLs are shown without their secrets: a password in the credentials never (responses, alerts, diagnoses);
// for webhook and chat URLs, whose path or query is often the bearer secret, only the origin to read-only callers.
const HIDDEN = '***';

/** The URL with the password of its credentials replaced; the user name stays, to recognise the account. */
export function withoutPassword(url: string): string {
  const parsed = tryParse(url);
  if (!parsed?.password) return url;
  parsed.password = HIDDEN;
  return parsed.toString();
}

/** Scheme, host and port only, then a marker where the path and query were; no credentials at all. */
export function originOnly(url: string): string {
  const parsed = tryParse(url);
  if (!parsed) return HIDDEN;
  const hidden = parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '' ? `/${HIDDEN}` : '/';
  return `${parsed.protocol}//${parsed.host}${hidden}`;
}

/**
 * A URL sent back as the API showed it (password "***") means "keep the password": the stored one is put back
 * when everything else about the URL is unchanged. Any other URL is taken as sent.
 */
export function restoreHiddenPassword(sent: string, stored: string | undefined): string {
  const parsed = tryParse(sent);
  if (!parsed || parsed.password !== HIDDEN || stored === undefined) return sent;
  return withoutPassword(stored) === parsed.toString() ? stored : sent;
}

function tryParse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
