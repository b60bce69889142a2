// TLS on an open socket. Verification is done here, after the handshake and before any request byte is
// written, so a failing certificate is still described (issuer, expiry) instead of only refused.
import type { Socket } from 'node:net';
import { connect, createSecureContext, rootCertificates, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import type { TlsInfo } from '@hopwatch/domain';
import type { ProbeEnvironment } from '../probe-environment';
import { untilAborted } from '../shared/deadline';
import { codeOf, describeErrorCode, errorCodeFor } from '../shared/normalise-error';
import { ProbeFailure } from '../shared/probe-failure';
import type { ProbeTrace } from '../shared/probe-trace';
import type { ConnectionPlan } from './connection-plan';
import { ignore } from './tcp-connect';

export function handshakeTls(socket: Socket, plan: ConnectionPlan, env: ProbeEnvironment, signal: AbortSignal, trace: ProbeTrace): Promise<TLSSocket> {
  const secure = connect({
    socket,
    host: plan.hostname,
    servername: plan.servername ?? undefined,
    ALPNProtocols: ['http/1.1'],
    secureContext: secureContextFor(env),
    rejectUnauthorized: false,
  });
  secure.on('error', ignore);
  const handshake = new Promise<TLSSocket>((resolve, reject) => {
    secure.once('error', reject);
    secure.once('secureConnect', () => {
      secure.off('error', reject);
      trace.tls = describePeer(secure, plan.servername);
      if (secure.authorized) return resolve(secure);
      secure.destroy();
      socket.destroy();
      reject(verificationFailure(secure));
    });
  });
  return untilAborted(signal, handshake, () => {
    secure.destroy();
    socket.destroy();
  });
}

function verificationFailure(secure: TLSSocket): ProbeFailure {
  // Typed as Error, but node stores the OpenSSL / node code string (e.g. CERT_HAS_EXPIRED) here.
  const raw: unknown = secure.authorizationError;
  const nodeCode = typeof raw === 'string' ? raw : codeOf(raw);
  const code = errorCodeFor(nodeCode);
  const finalCode = code === 'UNKNOWN' ? 'CERT_INVALID' : code;
  return new ProbeFailure(finalCode, `${describeErrorCode(finalCode)} (${nodeCode ?? 'verification failed'})`);
}

function describePeer(secure: TLSSocket, servername: string | null): TlsInfo {
  const cert: PeerCertificate | null = secure.getPeerCertificate();
  const present = cert !== null && Object.keys(cert).length > 0;
  return {
    servername,
    issuer: present ? (firstOf(cert.issuer?.CN) ?? firstOf(cert.issuer?.O)) : null,
    subject: present ? (firstOf(cert.subject?.CN) ?? firstOf(cert.subject?.O)) : null,
    validTo: present ? isoDate(cert.valid_to) : null,
    authorized: secure.authorized,
  };
}

function firstOf(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
}

function isoDate(value: string | undefined): string | null {
  const time = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const contexts = new WeakMap<string[], SecureContext>();

/** The system roots plus the environment's extra CAs, built once per list. */
function secureContextFor(env: ProbeEnvironment): SecureContext | undefined {
  if (!env.ca || env.ca.length === 0) return undefined;
  let context = contexts.get(env.ca);
  if (!context) {
    context = createSecureContext({ ca: [...rootCertificates, ...env.ca] });
    contexts.set(env.ca, context);
  }
  return context;
}
