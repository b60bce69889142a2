// Loopback stand-ins for Slack, Teams, Discord, Telegram, PagerDuty and ntfy: each checks a request
// against its service's documented shape, answers as that service does (or refuses with 400 and the
// reason, as the real one would), and records what it accepted.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedJson = { path: string; headers: IncomingHttpHeaders; body: any };
type Reply = { status: number; body?: unknown };

export type ServiceShape = {
  name: string;
  /** Null when the request has the documented shape, else why not. */
  problem(request: ReceivedJson): string | null;
  reply(request: ReceivedJson): Reply;
};

export type ChatReceiver = {
  port: number;
  url(path?: string): string;
  accepted: ReceivedJson[];
  rejected: Array<{ reason: string; request: ReceivedJson }>;
  /** Answer the next `times` requests with this status instead. */
  fail(status: number, times: number): void;
  waitForAccepted(count: number, timeoutMs?: number): Promise<ReceivedJson[]>;
  close(): Promise<void>;
};

export async function startChatReceiver(shape: ServiceShape): Promise<ChatReceiver> {
  const accepted: ReceivedJson[] = [];
  const rejected: ChatReceiver['rejected'] = [];
  let failing: { status: number; times: number } | null = null;
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let received: ReceivedJson;
    try {
      received = { path: request.url ?? '/', headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
    } catch {
      response.writeHead(400).end('invalid JSON');
      return;
    }
    if (failing && failing.times-- > 0) {
      response.writeHead(failing.status).end();
      return;
    }
    const problem = request.method !== 'POST' ? `method ${request.method}` : !String(request.headers['content-type']).startsWith('application/json') ? 'not JSON' : shape.problem(received);
    if (problem) {
      rejected.push({ reason: problem, request: received });
      response.writeHead(400, { 'content-type': 'text/plain' }).end(problem);
      return;
    }
    accepted.push(received);
    const reply = shape.reply(received);
    const body = reply.body === undefined ? undefined : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    response.writeHead(reply.status, typeof reply.body === 'object' ? { 'content-type': 'application/json' } : {}).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    accepted,
    rejected,
    fail(status, times) {
      failing = { status, times };
    },
    async waitForAccepted(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (accepted.length < count) {
        if (Date.now() > deadline) throw new Error(`${shape.name}: ${count} accepted requests not seen within ${timeoutMs} ms (accepted ${accepted.length}, rejected ${JSON.stringify(rejected.map((entry) => entry.reason))})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return accepted;
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

const isText = (value: unknown, max: number): boolean => typeof value === 'string' && value.length > 0 && value.length <= max;
const first = (...checks: Array<[boolean, string]>): string | null => checks.find(([ok]) => !ok)?.[1] ?? null;

/** Slack incoming webhooks: `text` and/or Block Kit `blocks`; answers `ok`. */
export const SLACK: ServiceShape = {
  name: 'slack',
  problem: ({ body }) => {
    const blocks: any[] = Array.isArray(body.blocks) ? body.blocks : [];
    return first(
      [isText(body.text, 40_000) || blocks.length > 0, 'no_text'],
      [blocks.length <= 50, 'too many blocks'],
      [blocks.every((block) => ['header', 'section', 'actions', 'context', 'divider'].includes(block.type)), 'invalid_blocks: unknown block type'],
      [blocks.filter((block) => block.type === 'header').every((block) => block.text?.type === 'plain_text' && isText(block.text.text, 150)), 'invalid_blocks: header must be plain_text up to 150'],
      [blocks.filter((block) => block.type === 'section').every((block) => (block.text && isText(block.text.text, 3000)) || (Array.isArray(block.fields) && block.fields.length <= 10 && block.fields.every((field: any) => isText(field.text, 2000)))), 'invalid_blocks: section'],
      [blocks.filter((block) => block.type === 'actions').every((block) => block.elements.every((element: any) => element.type === 'button' && element.text?.type === 'plain_text' && /^https?:\/\//.test(element.url))), 'invalid_blocks: actions'],
    );
  },
  reply: () => ({ status: 200, body: 'ok' }),
};

/** Teams Workflows: a `message` with one Adaptive Card attachment; answers 202. */
export const TEAMS: ServiceShape = {
  name: 'teams',
  problem: ({ body }) => {
    const attachment = body.attachments?.[0];
    const card = attachment?.content;
    return first(
      [body.type === 'message', 'type must be message'],
      [Array.isArray(body.attachments) && body.attachments.length === 1, 'one attachment expected'],
      [attachment?.contentType === 'application/vnd.microsoft.card.adaptive', 'attachment is not an Adaptive Card'],
      [card?.type === 'AdaptiveCard' && /^1\.[0-5]$/.test(card?.version), 'content must be an AdaptiveCard of version 1.0-1.5'],
      [Array.isArray(card?.body) && card.body.every((element: any) => ['TextBlock', 'FactSet'].includes(element.type)), 'card body has an unknown element'],
      [(card?.actions ?? []).every((action: any) => action.type === 'Action.OpenUrl' && /^https?:\/\//.test(action.url)), 'card actions must open URLs'],
    );
  },
  reply: () => ({ status: 202 }),
};

/** Discord webhooks: `content` or up to 10 embeds within Discord's limits; answers 204. */
export const DISCORD: ServiceShape = {
  name: 'discord',
  problem: ({ body }) => {
    const embeds: any[] = Array.isArray(body.embeds) ? body.embeds : [];
    return first(
      [isText(body.content, 2000) || embeds.length > 0, 'Cannot send an empty message'],
      [embeds.length <= 10, 'too many embeds'],
      [embeds.every((embed) => isText(embed.title, 256) && (embed.description === undefined || isText(embed.description, 4096))), 'embed title or description too long'],
      [embeds.every((embed) => Number.isInteger(embed.color) && embed.color >= 0 && embed.color <= 0xffffff), 'embed color must be an integer colour'],
      [embeds.every((embed) => (embed.fields ?? []).length <= 25 && (embed.fields ?? []).every((field: any) => isText(field.name, 256) && isText(field.value, 1024))), 'embed fields out of limits'],
    );
  },
  reply: () => ({ status: 204 }),
};

const TELEGRAM_PATH = /^\/bot(\d+:[A-Za-z0-9_-]+)\/sendMessage$/;

/** Telegram Bot API `sendMessage` with `parse_mode: HTML`; only Telegram's tags may appear unescaped. */
export const TELEGRAM: ServiceShape = {
  name: 'telegram',
  problem: ({ path, body }) => {
    const stripped = typeof body.text === 'string' ? body.text.replace(/<\/?(b|i|u|s|code|pre)>|<a href="[^"<>]*">|<\/a>/g, '') : '';
    return first(
      [TELEGRAM_PATH.test(path), 'Not Found: no bot token in the path'],
      [typeof body.chat_id === 'string' || typeof body.chat_id === 'number', 'Bad Request: chat_id is empty'],
      [isText(body.text, 4096), 'Bad Request: message text is empty or too long'],
      [body.parse_mode === 'HTML', 'parse_mode must be HTML'],
      [!/[<>]/.test(stripped), "Bad Request: can't parse entities"],
    );
  },
  reply: ({ body }) => ({ status: 200, body: { ok: true, result: { message_id: 1, chat: { id: body.chat_id }, text: body.text } } }),
};

/** PagerDuty Events API v2: trigger needs summary, source and severity; resolve needs a dedup_key; answers 202. */
export const PAGERDUTY: ServiceShape = {
  name: 'pagerduty',
  problem: ({ path, body }) => {
    const action = body.event_action;
    return first(
      [path === '/v2/enqueue', 'not the enqueue endpoint'],
      [typeof body.routing_key === 'string' && body.routing_key.length === 32, 'routing_key must be 32 characters'],
      [['trigger', 'acknowledge', 'resolve'].includes(action), 'event_action must be trigger, acknowledge or resolve'],
      [action === 'trigger' || isText(body.dedup_key, 255), 'dedup_key is required for acknowledge and resolve'],
      [action !== 'trigger' || isText(body.payload?.summary, 1024), 'payload.summary is required'],
      [action !== 'trigger' || isText(body.payload?.source, 255), 'payload.source is required'],
      [action !== 'trigger' || ['critical', 'error', 'warning', 'info'].includes(body.payload?.severity), 'payload.severity is invalid'],
    );
  },
  reply: ({ body }) => ({ status: 202, body: { status: 'success', message: 'Event processed', dedup_key: body.dedup_key } }),
};

/** ntfy publish-as-JSON: POST to the root with a topic; priority 1-5, tags a list of strings. */
export const NTFY: ServiceShape = {
  name: 'ntfy',
  problem: ({ path, body }) => first(
    [path === '/', 'JSON must be POSTed to the root URL'],
    [typeof body.topic === 'string' && /^[-_A-Za-z0-9]{1,64}$/.test(body.topic), 'invalid topic'],
    [body.priority === undefined || [1, 2, 3, 4, 5].includes(body.priority), 'invalid priority'],
    [body.tags === undefined || (Array.isArray(body.tags) && body.tags.every((tag: unknown) => typeof tag === 'string')), 'invalid tags'],
    [body.click === undefined || /^https?:\/\//.test(body.click), 'invalid click URL'],
  ),
  reply: ({ body }) => ({ status: 200, body: { id: 'msg1', time: 1, event: 'message', topic: body.topic, title: body.title, message: body.message } }),
};
