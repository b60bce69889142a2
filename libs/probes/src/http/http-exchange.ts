// One HTTP/1.1 request over an already opened (and, for https, verified) socket, reading at most a capped body.
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { HttpMethod } from '@hopwatch/domain';
import type { PhaseContext } from '../connect/open-connection';
import { ignore } from '../connect/tcp-connect';
import { PROBE_DEFAULTS } from '../probe-environment';
import { untilAborted } from '../shared/deadline';
import { ProbeFailure } from '../shared/probe-failure';
import { revealingHeaders } from './revealing-headers';

export type HttpRequestPlan = { method: HttpMethod; path: string; headers: Record<string, string> };
export type HttpAnswer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

export function exchange(socket: Socket, plan: HttpRequestPlan, context: PhaseContext, bodyCapBytes: number): Promise<HttpAnswer> {
  const { clock, signal, trace } = context;
  const request = httpRequest({
    createConnection: () => socket,
    method: plan.method,
    path: plan.path,
    headers: plan.headers,
    setHost: false,
    maxHeaderSize: PROBE_DEFAULTS.maxHeaderBytes,
  });
  request.on('error', ignore);
  const answer = new Promise<HttpAnswer>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response: IncomingMessage) => {
      trace.ttfbMs = clock.elapsedMs();
      trace.awaiting = 'body';
      trace.status = response.statusCode ?? null;
      trace.headers = revealingHeaders(response.headers);
      readCapped(response, bodyCapBytes).then((body) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }), reject);
    });
  });
  request.end();
  const settled = untilAborted(signal, answer, () => request.destroy());
  return settled.finally(() => socket.destroy());
}

/** Reads the body up to `capBytes`, then stops downloading; a connection lost mid-body is ECONNRESET. */
function readCapped(response: IncomingMessage, capBytes: number): Promise<Buffer> {
  response.on('error', ignore);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      const room = capBytes - size;
      if (room > 0) chunks.push(chunk.subarray(0, room));
      size += chunk.length;
      if (size >= capBytes) {
        resolve(Buffer.concat(chunks));
        response.destroy();
      }
    });
    response.once('end', () => resolve(Buffer.concat(chunks)));
    response.once('close', () => {
      if (!response.complete) reject(new ProbeFailure('ECONNRESET', `connection closed after ${size} body bytes, before the whole body arrived`));
    });
  });
}
