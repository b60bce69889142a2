// Pulls the "what went wrong" phrase out of the error pages that carry one.
import type { Gateway } from './gateway';

const DETAIL_PATTERNS: Partial<Record<Gateway, RegExp[]>> = {
  envoy: [/reset reason: ([^,\n]+(?:, transport failure reason: [^\n]+)?)/, /^\s*(no healthy upstream|upstream request timeout)\s*$/],
  apache: [/Reason: <strong>([^<]+)<\/strong>/, /<h1>([^<]+)<\/h1>/],
  haproxy: [/<\/h1>\n([^\n<]+)/],
  varnish: [/<h1>Error \d{3} ([^<]+)<\/h1>/],
  fastly: [/Error \d{3} ([^\n<]+)/],
  akamai: [/(Reference(?:\s|&#32;)(?:#|&#35;)[0-9a-f.&#;]+)/i],
  'azure-front-door': [/(OriginTimeout|OriginInvalidResponse)/],
  'ingress-nginx': [/(default backend - 404)/],
};

export function gatewayDetail(gateway: Gateway, body: string): string | null {
  for (const pattern of DETAIL_PATTERNS[gateway] ?? []) {
    const match = pattern.exec(body);
    if (match) return match[1].trim();
  }
  return null;
}
