// The one way the app talks to the API: same-origin fetch with the session cookie, JSON in and out, and
// failures turned into ApiError with the API's messages (never a raw body on screen).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
  ) {
    super(messages.join('; ') || `request failed (${status})`);
    this.name = 'ApiError';
  }
}

const PLAIN_MESSAGES: Record<number, string> = {
  401: 'You are signed out. Sign in again with an API key.',
  403: 'This key may only read; changes need a write key.',
  404: 'Not found: it may have been deleted.',
  413: 'That request is too large.',
  429: 'Too many requests; try again in a moment.',
};

function messagesOf(status: number, body: unknown): string[] {
  const message = (body as { message?: unknown } | null)?.message;
  if (status === 400 && Array.isArray(message)) return message.map(String);
  if (status === 400 && typeof message === 'string') return [message];
  const plain = PLAIN_MESSAGES[status];
  if (plain) return [plain];
  return status >= 500 ? ['The server could not answer; try again shortly.'] : [`The request was refused (${status}).`];
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, ['The server cannot be reached; check your connection.']);
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, messagesOf(response.status, parsed));
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The API's 400 messages are "field reason" lines ("hops.1.url must be an http(s) URL"); group them by the
 * field they name so each shows next to its input. Lines naming no known field stay in `general`.
 */
export function fieldMessages(error: unknown, knownFields: (field: string) => boolean): { byField: Map<string, string[]>; general: string[] } {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  const messages = error instanceof ApiError ? error.messages : error ? ['Something went wrong; try again.'] : [];
  for (const message of messages) {
    const field = message.split(' ', 1)[0] ?? '';
    if (error instanceof ApiError && error.status === 400 && knownFields(field)) byField.set(field, [...(byField.get(field) ?? []), message]);
    else general.push(message);
  }
  return { byField, general };
}
