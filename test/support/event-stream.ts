// A Server-Sent Events client for tests: opens the stream over real HTTP and keeps every frame it receives.
import { ClientRequest, IncomingMessage, request } from 'node:http';

export type ReceivedEvent = { event: string; data: Record<string, any> };

export type EventStreamClient = {
  response: IncomingMessage;
  events: ReceivedEvent[];
  comments: string[];
  waitForEvent(accept: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): void;
};

/** Resolves once the server sent its first comment (": connected"), i.e. once the stream is live. */
export function openEventStream(url: string, headers: Record<string, string>): Promise<EventStreamClient> {
  return new Promise((resolve, reject) => {
    const events: ReceivedEvent[] = [];
    const comments: string[] = [];
    const waiters = new Set<() => void>();
    let buffer = '';
    const onFrame = (frame: string, client: EventStreamClient) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) comments.push(line.slice(1).trim());
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      if (data.length) events.push({ event, data: JSON.parse(data.join('\n')) });
      if (comments.length === 1 && comments[0] === 'connected' && !data.length) resolve(client);
      for (const wake of waiters) wake();
    };
    const pending: ClientRequest = request(url, { headers: { Accept: 'text/event-stream', ...headers } }, (response) => {
      const client: EventStreamClient = {
        response,
        events,
        comments,
        waitForEvent: (accept, timeoutMs = 30_000) =>
          new Promise((found, fail) => {
            const check = () => {
              const match = events.find(accept);
              if (!match) return;
              waiters.delete(check);
              clearTimeout(timer);
              found(match);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`no matching event within ${timeoutMs} ms; received ${JSON.stringify(events)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          }),
        close: () => pending.destroy(),
      };
      if (response.statusCode !== 200) {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => reject(new Error(`event stream answered ${response.statusCode}: ${body}`)));
        return;
      }
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          onFrame(frame, client);
        }
      });
    });
    pending.on('error', reject);
    pending.end();
  });
}
