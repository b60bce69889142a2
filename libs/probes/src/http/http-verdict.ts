// Whether an HTTP answer is what the site expects; pure, so it is tested as a table.
import { parseExpectStatus, statusMatches, type HttpTargetSpec } from '@hopwatch/domain';
import { StringDecoder } from 'node:string_decoder';
import type { NormalisedError } from '../shared/normalise-error';

export type Expectation = Pick<HttpTargetSpec, 'expectStatus' | 'bodyContains'>;

export function judgeAnswer(expectation: Expectation, status: number, body: Buffer): NormalisedError | null {
  const ranges = parseExpectStatus(expectation.expectStatus);
  if (ranges === null) return { code: 'UNKNOWN', message: `invalid expectStatus "${expectation.expectStatus}"` };
  if (!statusMatches(status, ranges)) {
    return { code: 'STATUS_MISMATCH', message: `status ${status}, expected ${expectation.expectStatus}` };
  }
  const wanted = expectation.bodyContains;
  if (wanted && !body.toString('utf8').includes(wanted)) {
    return { code: 'BODY_MISMATCH', message: `the first ${body.length} body bytes do not contain "${wanted.slice(0, 100)}"` };
  }
  return null;
}

/** The first `maxBytes` of a 5xx body for gateway fingerprinting; null for other statuses. */
export function bodySnippet(status: number, body: Buffer, maxBytes: number): string | null {
  if (status < 500 || body.length === 0) return null;
  // StringDecoder holds back a multi-byte character cut in half, so the snippet never exceeds maxBytes.
  return new StringDecoder('utf8').write(body.subarray(0, maxBytes));
}
