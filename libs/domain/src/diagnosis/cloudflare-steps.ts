// What to check for each Cloudflare 52x/530 code (research/502-signatures-and-reliability.md, Cloudflare rows).
import type { CloudflareDetail } from '../fingerprint/cloudflare';

const STEPS: Record<number, string> = {
  520: 'Cloudflare 520: read the origin web server logs for crashes or empty replies; check response headers stay under 128 KB and try turning off HTTP/2 to the origin.',
  521: "Cloudflare 521: make sure the origin web server runs and its firewall allows Cloudflare's IP ranges on the port the SSL mode uses (80 for Flexible, 443 for Full).",
  522: "Cloudflare 522: the origin did not complete the TCP handshake within 19 s; look for a firewall or rate limit dropping Cloudflare's IP ranges, a wrong origin IP in the DNS record, or an overloaded origin.",
  523: 'Cloudflare 523: check the route to the origin and the origin IP in the DNS record (for example a VPC route capturing 172.64.0.0/13).',
  524: 'Cloudflare 524: the origin took longer than 120 s to answer; move long work off the request path or make it faster.',
  525: 'Cloudflare 525: the origin must accept TLS on 443 with SNI and a cipher Cloudflare supports.',
  526: 'Cloudflare 526: under Full (strict) the origin needs a valid certificate for the hostname (not expired, not self-signed, complete chain).',
  530: 'Cloudflare 530: read the 1xxx code on the page; 1016 means the origin hostname (the CNAME target) does not resolve.',
};

export function cloudflareSteps(detail: CloudflareDetail, origin: string): string[] {
  const step = STEPS[detail.code];
  if (step) return [step.replace('the origin', `the origin (${origin})`)];
  if (detail.generatedBy === 'origin') return [`Cloudflare relayed a ${detail.code} from the origin (${origin}) and replaced its page: look behind Cloudflare for the gateway that wrote it.`];
  return [];
}
