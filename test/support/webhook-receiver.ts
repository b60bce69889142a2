// A real HTTP webhook receiver on loopback: checks each delivery's Standard Webhooks signature with the
// channel secret, records what it accepted and rejected, and can misbehave on purpose (a status for a
// while, a slow answer, or no listener at all on its port).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateWebhookSecret, verifyWebhook } from '@hopwatch/alerting';

export type ReceivedWebhook = {
  id: string;
  /** The body's `type`. */
  type: string;
  timestampSeconds: number;
  /** The exact body bytes, as text. */
  body: string;
  payload: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** The status this receiver answered. */
  answered: number;
};

export type RejectedWebhook = { reason: string; body: string; headers: IncomingHttpHeaders };

/** How to answer the next `times` verified deliveries (all of them when `times` is not given). */
export type ReceiverBehaviour = { status?: number; delayMs?: number; headers?: Record<string, string>; times?: number };

export type WebhookReceiver = {
  secret: string;
  port: number;
  url(path?: string): string;
  /** Verified deliveries, whatever was answered. */
  deliveries: ReceivedWebhook[];
  /** Verified deliveries answered 2xx. */
  accepted(): ReceivedWebhook[];
  /** Requests whose signature did not verify (answered 401). */
  rejected: RejectedWebhook[];
  requests: number;
  connections: number;
  answer(behaviour: ReceiverBehaviour): void;
  /** Back to answering 204 at once. */
  reset(): void;
  waitForAccepted(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  /** Stops listening and drops every connection: connecting is refused until `start()`. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
};

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;

/** `port`: listen there (a channel created before its receiver already names the port); default any free one. */
export async function startWebhookReceiver(options: { secret?: string; toleranceSeconds?: number; port?: number } = {}): Promise<WebhookReceiver> {
  const receiver = new LoopbackWebhookReceiver(options.secret ?? generateWebhookSecret(), options.toleranceSeconds);
  receiver.port = options.port ?? 0;
  await receiver.start();
  return receiver;
}

class LoopbackWebhookReceiver implements WebhookReceiver {
  port = 0;
  deliveries: ReceivedWebhook[] = [];
  rejected: RejectedWebhook[] = [];
  requests = 0;
  connections = 0;
  private behaviour: ReceiverBehaviour | null = null;
  private server: Server | null = null;

  constructor(
    readonly secret: string,
    private readonly toleranceSeconds: number | undefined,
  ) {}

  url(path = '/hooks'): string {
    return `http://${HOST}:${this.port}${path}`;
  }

  accepted(): ReceivedWebhook[] {
    return this.deliveries.filter((delivery) => delivery.answered >= 200 && delivery.answered < 300);
  }

  answer(behaviour: ReceiverBehaviour): void {
    this.behaviour = { ...behaviour };
  }

  reset(): void {
    this.behaviour = null;
  }

  async waitForAccepted(count: number, timeoutMs = 5000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.accepted().length < count) {
      if (Date.now() > deadline) throw new Error(`webhook receiver: ${count} accepted deliveries not seen within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.accepted();
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((request, response) => void this.handle(request, response).catch(() => response.destroy()));
    server.on('connection', () => this.connections++);
    this.server = server;
    this.port = await listen(server, this.port);
  }

  async stop(): Promise<void> {
    const closing = this.server;
    if (!closing) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      closing.close(() => resolve());
      closing.closeAllConnections();
    });
  }

  close(): Promise<void> {
    return this.stop();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.requests++;
    const body = await readBody(request);
    const verdict = verifyWebhook(this.secret, request.headers, body, this.toleranceSeconds);
    if (!verdict.ok) {
      this.rejected.push({ reason: verdict.reason, body: body.toString('utf8'), headers: request.headers });
      response.writeHead(401, { 'content-type': 'text/plain' }).end(verdict.reason);
      return;
    }
    const { status = 204, delayMs = 0, headers = {} } = this.nextBehaviour();
    const payload = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const { id, timestampSeconds } = verdict;
    this.deliveries.push({ id, type: String(payload.type), timestampSeconds, body: body.toString('utf8'), payload, headers: request.headers, answered: status });
    if (delayMs > 0) await pause(delayMs, response);
    if (!response.destroyed) response.writeHead(status, headers).end();
  }

  private nextBehaviour(): ReceiverBehaviour {
    const current = this.behaviour ?? {};
    if (this.behaviour?.times !== undefined && --this.behaviour.times <= 0) this.behaviour = null;
    return current;
  }
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Waits `ms`, or less if the client hangs up first (so no timer outlives the test). */
function pause(ms: number, response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    response.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
