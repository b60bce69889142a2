// A thin client of the REST API over fetch; failures become CliErrors with the exit code a script expects.
import { CliError, EXIT } from '../exit-codes';

export class ApiRefusal extends Error {
  constructor(readonly status: number, readonly messages: string[]) {
    super(`the server answered ${status}: ${messages.join('; ')}`);
  }
}

export type ApiClient = {
  readonly baseUrl: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
};

export function createApiClient(baseUrl: string, key: string | null): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(EXIT.unreachable, `cannot reach hopwatch at ${base}: ${cause?.code ?? cause?.message ?? String(error)}`);
    }
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    if (response.status === 401 || response.status === 403) {
      throw new CliError(EXIT.unreachable, `hopwatch at ${base} refused the API key (${response.status}): ${messagesOf(parsed, text).join('; ')}${key ? '' : ' (set --key or HOPWATCH_KEY)'}`);
    }
    if (!response.ok) throw new ApiRefusal(response.status, messagesOf(parsed, text));
    return parsed as T;
  }
  return {
    baseUrl: base,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
    delete: (path) => call<void>('DELETE', path),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function messagesOf(parsed: unknown, text: string): string[] {
  const message = (parsed as { message?: unknown } | undefined)?.message;
  if (Array.isArray(message)) return message.map(String);
  if (typeof message === 'string') return [message];
  return [text.slice(0, 200) || 'no details'];
}
