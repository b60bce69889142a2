import { errorCodeFor, normaliseError } from './normalise-error';
import { ProbeFailure } from './probe-failure';

const nodeError = (code: string, message: string): Error => Object.assign(new Error(message), { code });

describe('errorCodeFor', () => {
  it.each([
    ['ECONNREFUSED', 'ECONNREFUSED'],
    ['ECONNRESET', 'ECONNRESET'],
    ['EPIPE', 'ECONNRESET'],
    ['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET'],
    ['EHOSTUNREACH', 'EHOSTUNREACH'],
    ['EHOSTDOWN', 'EHOSTUNREACH'],
    ['ENOTFOUND', 'ENOTFOUND'],
    ['EAI_AGAIN', 'DNS_SERVFAIL'],
    ['ETIMEOUT', 'DNS_TIMEOUT'],
    ['HPE_INVALID_CONSTANT', 'INVALID_RESPONSE'],
    ['HPE_HEADER_OVERFLOW', 'INVALID_RESPONSE'],
    ['CERT_HAS_EXPIRED', 'CERT_HAS_EXPIRED'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_SELF_SIGNED'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'CERT_SELF_SIGNED'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_UNTRUSTED'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HOSTNAME_MISMATCH'],
    ['CERT_SIGNATURE_FAILURE', 'CERT_INVALID'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO'],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'TLS_HANDSHAKE_FAILED'],
    ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'TLS_HANDSHAKE_FAILED'],
    ['ERR_SSL_UNEXPECTED_EOF_WHILE_READING', 'EPROTO'],
    ['ESOMETHINGNEW', 'UNKNOWN'],
  ])('maps %s to %s', (nodeCode, expected) => {
    expect(errorCodeFor(nodeCode)).toBe(expected);
  });

  it('recognises a socket hang up without a code as ECONNRESET', () => {
    expect(errorCodeFor(undefined, 'socket hang up')).toBe('ECONNRESET');
  });
});

describe('normaliseError', () => {
  it('keeps the code and message of a failure the probe decided on', () => {
    expect(normaliseError(new ProbeFailure('TARGET_DENIED', '169.254.169.254 denied'))).toEqual({ code: 'TARGET_DENIED', message: '169.254.169.254 denied' });
  });

  it('describes a node error in words and keeps its own message as detail', () => {
    expect(normaliseError(nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'))).toEqual({
      code: 'ECONNREFUSED',
      message: 'connection refused (connect ECONNREFUSED 127.0.0.1:9)',
    });
  });

  it('reports anything unrecognisable as UNKNOWN', () => {
    expect(normaliseError('boom')).toEqual({ code: 'UNKNOWN', message: 'probe failed (boom)' });
  });

  it('keeps messages to one short line', () => {
    const { message } = normaliseError(nodeError('ECONNRESET', `line one\nline two ${'x'.repeat(1000)}`));
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThanOrEqual(300);
  });
});
