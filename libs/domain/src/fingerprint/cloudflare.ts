// Cloudflare's own error codes (520–530) and its rebranding of origin 502/504 pages: who really failed.
// Source: research/502-signatures-and-reliability.md §1.2 (Cloudflare rows) and §1.7.

export type CloudflareCode = 502 | 503 | 504 | 520 | 521 | 522 | 523 | 524 | 525 | 526 | 527 | 530;

export type CloudflareDetail = {
  /** The 5xx Cloudflare reported: 520–530 for its own codes, 502/503/504 otherwise. */
  code: number;
  /** The 1xxx Cloudflare error in the page, e.g. 1016 (origin DNS error) with a 530. */
  errorCode: number | null;
  /** `edge`: Cloudflare could not get a usable answer; `origin`: the origin answered 502/504 and Cloudflare rebranded it. */
  generatedBy: 'edge' | 'origin';
  meaning: string;
};

export const CLOUDFLARE_CODE_MEANINGS: Record<number, string> = {
  502: 'the origin answered 502 Bad Gateway (Cloudflare replaced its page)',
  503: 'Cloudflare could not serve the request (503)',
  504: 'the origin answered 504 Gateway Timeout (Cloudflare replaced its page)',
  520: 'the origin returned an empty, unknown or unexpected response (520)',
  521: 'the origin refused the connection from Cloudflare (521)',
  522: 'Cloudflare timed out connecting to the origin (522: no SYN-ACK within 19 s or no ACK within 90 s)',
  523: 'Cloudflare has no route to the origin (523)',
  524: 'the origin accepted the connection but sent no response within 120 s (524)',
  525: 'the TLS handshake between Cloudflare and the origin failed (525)',
  526: 'the origin certificate is not valid under Full (strict) (526)',
  527: 'the Railgun connection to the origin failed (527)',
  530: 'Cloudflare returned 530 with a 1xxx error',
};

const ERROR_1XXX_MEANINGS: Record<number, string> = {
  1016: 'origin DNS error (1016): Cloudflare cannot resolve the origin name',
  1033: 'Cloudflare Tunnel error (1033): the tunnel to the origin is down',
};

export function cloudflareDetail(status: number | null, headers: Record<string, string>, body: string): CloudflareDetail {
  const code = codeOf(status, body);
  const errorCode = error1xxxOf(body);
  const generatedBy = isRebrandedOriginError(code, headers, body) ? 'origin' : 'edge';
  const meaning = errorCode !== null && ERROR_1XXX_MEANINGS[errorCode] ? ERROR_1XXX_MEANINGS[errorCode] : CLOUDFLARE_CODE_MEANINGS[code] ?? `Cloudflare answered ${code}`;
  return { code, errorCode, generatedBy, meaning };
}

function codeOf(status: number | null, body: string): number {
  if (status !== null && status >= 520 && status <= 530) return status;
  const inBody = /Error code:?\s*(?:<[^>]*>\s*)*(5\d\d)\b/i.exec(body) ?? /\|\s*(5\d\d):/.exec(body);
  if (inBody) return Number(inBody[1]);
  return status ?? 0;
}

function error1xxxOf(body: string): number | null {
  const match = /Error(?:\s+code)?:?\s*(?:<[^>]*>\s*)*(1\d{3})\b/i.exec(body);
  return match ? Number(match[1]) : null;
}

// Cloudflare swaps an origin's 502/504 page for its branded one and marks only its own errors with cf-error-type.
function isRebrandedOriginError(code: number, headers: Record<string, string>, body: string): boolean {
  if (code !== 502 && code !== 504) return false;
  if (headers['cf-error-type'] !== undefined) return false;
  if (/<hr><center>cloudflare/i.test(body)) return false;
  return /cf-error-details|cf-error-code|Cloudflare Ray ID/i.test(body);
}
