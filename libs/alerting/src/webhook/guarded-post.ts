// One POST to a user-given URL under the target policy (DESIGN §6): the address dialed is judged at
// connect time, redirects are never followed, the whole exchange has one deadline and the answer is capped.
import { request as httpRequest, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { assertAllowed, createGuardedLookup, normaliseError, type ProbeEnvironment } from '@hopwatch/probes';
import { failed, outcomeForHttpStatus, retry, type DeliveryOutcome } from '../delivery-outcome';

export type GuardedPostOptions = {
  env: ProbeEnvironment;
  /** Deadline for connecting, sending and reading the answer. */
  timeoutMs: number;
  /** Answer bytes read before the connection is dropped. */
  maxResponseBytes: number;
};

const MAX_RESPONSE_HEADER_BYTES = 16 * 1024;

export async function guardedPost(url: string, body: Buffer, headers: OutgoingHttpHeaders, options: GuardedPostOptions): Promise<DeliveryOutcome> {
  const target = parseTarget(url);
  if (!(target instanceof URL)) return target;
  const denied = deniedLiteral(target, options.env);
  if (denied) return denied;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let request: ClientRequest | undefined;
    let responseStatus: number | null = null;
    let settled = false;
    const settle = (outcome: DeliveryOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request?.destroy();
      resolve(outcome);
    };
    const answered = (): DeliveryOutcome => outcomeForHttpStatus(responseStatus ?? 0);
    const timer = setTimeout(() => settle(responseStatus === null ? retry(`timed out after ${options.timeoutMs} ms`) : answered()), options.timeoutMs);
    try {
      request = send(target, requestOptions(body, headers, options.env), (response) => {
        responseStatus = response.statusCode ?? 0;
        readCapped(response, options.maxResponseBytes, () => settle(answered()));
      });
    } catch (error) {
      return settle(failed(`invalid request: ${(error as Error).message}`));
    }
    request.on('error', (error) => settle(responseStatus === null ? outcomeForError(error) : answered()));
    request.end(body);
  });
}

function parseTarget(url: string): URL | DeliveryOutcome {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return failed('invalid URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return failed(`unsupported URL scheme ${target.protocol}`);
  return target;
}

/** Node skips `lookup` for IP-literal hosts, so those are judged here, before any socket exists. */
function deniedLiteral(target: URL, env: ProbeEnvironment): DeliveryOutcome | null {
  const host = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
  if (isIP(host) === 0) return null;
  try {
    assertAllowed(host, env, 'target');
    return null;
  } catch (error) {
    return failed(normaliseError(error).message);
  }
}

function requestOptions(body: Buffer, headers: OutgoingHttpHeaders, env: ProbeEnvironment): RequestOptions & { ca?: string[] } {
  return {
    method: 'POST',
    headers: { ...headers, 'content-length': body.length },
    agent: false,
    lookup: createGuardedLookup(env),
    localAddress: env.sourceAddress ?? undefined,
    maxHeaderSize: MAX_RESPONSE_HEADER_BYTES,
    ...(env.ca && env.ca.length > 0 ? { ca: [...rootCertificates, ...env.ca] } : {}),
  };
}

function readCapped(response: IncomingMessage, maxBytes: number, done: () => void): void {
  let received = 0;
  response.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received >= maxBytes) done();
  });
  response.on('end', done);
  response.on('error', done);
}

function outcomeForError(error: unknown): DeliveryOutcome {
  const { code, message } = normaliseError(error);
  if (code === 'TARGET_DENIED') return failed(message.startsWith('target denied') ? message : `target denied: ${message}`);
  if (code === 'UNKNOWN') return retry(message);
  return retry(code);
}
