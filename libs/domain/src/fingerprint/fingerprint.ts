// Names the product that wrote an HTTP answer from its status, revealing headers and the start of its body.
import { cloudflareDetail, type CloudflareDetail } from './cloudflare';
import type { Gateway } from './gateway';
import { GATEWAY_SIGNATURES, type GatewaySignature } from './gateway-signatures';
import { gatewayDetail } from './gateway-detail';

export type FingerprintInput = {
  status: number | null;
  /** Lower-cased names, as probes record them. */
  headers: Record<string, string>;
  bodySnippet: string | null;
  /** The status line's reason phrase, when the caller kept it (Classic ELB is only recognisable by it). */
  reasonPhrase?: string | null;
};

export type GatewayFingerprint = {
  gateway: Gateway;
  /** What identified it, in words; empty for `unknown`. */
  evidence: string;
  /** True when the product wrote this response itself; false when it was only seen on the path (a Server header). */
  generated: boolean;
  /** What the page says went wrong, when it says (Envoy reset reason, Apache Reason, Varnish/Fastly reason, …). */
  detail: string | null;
  /** Present whenever the answer came through Cloudflare. */
  cloudflare: CloudflareDetail | null;
};

export function fingerprintGateway(input: FingerprintInput): GatewayFingerprint {
  const headers = lowerCaseKeys(input.headers);
  const body = input.bodySnippet ?? '';
  const signature = GATEWAY_SIGNATURES.find((candidate) => matches(candidate, input, headers, body));
  if (!signature) return { gateway: 'unknown', evidence: '', generated: false, detail: null, cloudflare: null };
  const cloudflare = signature.gateway === 'cloudflare' ? cloudflareDetail(input.status, headers, body) : null;
  return {
    gateway: signature.gateway,
    evidence: signature.shows,
    generated: signature.generated,
    detail: signature.generated ? gatewayDetail(signature.gateway, body) : null,
    cloudflare,
  };
}

/** The Cloudflare code (520–530, or 502/503/504) of an answer that came through Cloudflare, else null. */
export function cloudflareCode(input: FingerprintInput): number | null {
  return fingerprintGateway(input).cloudflare?.code ?? null;
}

function matches(signature: GatewaySignature, input: FingerprintInput, headers: Record<string, string>, body: string): boolean {
  if (signature.statuses && (input.status === null || !signature.statuses.includes(input.status))) return false;
  if (signature.emptyBody && body.trim() !== '') return false;
  if (signature.body && !signature.body.every((pattern) => pattern.test(body))) return false;
  if (signature.bodyExcludes && signature.bodyExcludes.some((pattern) => pattern.test(body))) return false;
  if (signature.reasonPhrase && !signature.reasonPhrase.test(input.reasonPhrase ?? '')) return false;
  return (signature.headers ?? []).every((rule) => headers[rule.header] !== undefined && rule.pattern.test(headers[rule.header]));
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const lowered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) lowered[name.toLowerCase()] = String(value);
  return lowered;
}
