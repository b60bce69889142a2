// Default timeouts of common hops (research/502-signatures-and-reliability.md §1.4): an error that arrives after
// one of them often names whose timer fired.
const DEFAULT_TIMERS: Array<{ ms: number; who: string }> = [
  { ms: 15_000, who: "Envoy's route timeout or Fastly's first-byte timeout (15 s)" },
  { ms: 30_000, who: "Google Cloud LB's backend timeout, Azure Front Door's origin timeout or Heroku's router limit (30 s)" },
  { ms: 60_000, who: "nginx's proxy_read_timeout / proxy_connect_timeout, Varnish's first_byte_timeout or the AWS ALB idle timeout (60 s)" },
  { ms: 120_000, who: "Cloudflare's proxy read timeout (120 s, 524)" },
];

/** Which default timer an elapsed time matches (within 5%), or null. */
export function knownTimerFor(elapsedMs: number): string | null {
  return DEFAULT_TIMERS.find((timer) => Math.abs(elapsedMs - timer.ms) <= timer.ms * 0.05)?.who ?? null;
}
