// Names for hops, gateways and times, as they appear in summaries and next steps.
import { GATEWAY_LABELS, type Gateway } from '../fingerprint/gateway';
import { ENTRY_TARGET } from '../site/site';
import { withoutPassword } from '../site/url-redaction';
import type { ClassifyContext } from './classify-context';
import { hopAddress, hopHostname, hopSpec } from './observed';

export function hopLabel(context: ClassifyContext, target: string | null): string {
  if (target === null) return 'an unmonitored hop';
  const spec = hopSpec(context.layout, target);
  if (!spec) return target;
  return target === ENTRY_TARGET ? `the entry (${withoutPassword(spec.url)})` : `${target} (${withoutPassword(spec.url)})`;
}

export function hopName(target: string | null): string {
  return target === null ? 'an unmonitored hop' : target === ENTRY_TARGET ? 'the entry' : target;
}

/** "nginx at proxy", or just "proxy" when the product is not known. */
export function gatewayAt(gateway: Gateway, target: string | null): string {
  const where = hopName(target);
  return gateway === 'unknown' ? where : `${GATEWAY_LABELS[gateway]} at ${where}`;
}

export function addressOf(context: ClassifyContext, target: string | null): string {
  const spec = target ? hopSpec(context.layout, target) : null;
  return spec ? hopAddress(spec) : 'the upstream address';
}

export function urlOf(context: ClassifyContext, target: string | null): string {
  return withoutPassword((target && hopSpec(context.layout, target)?.url) || context.layout.entry.url);
}

export function hostnameOf(context: ClassifyContext, target: string): string {
  const spec = hopSpec(context.layout, target);
  return spec ? hopHostname(spec) : target;
}

export function seconds(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return 'an unknown time';
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.round(ms)} ms`;
}

export function slotTime(slot: number): string {
  return new Date(slot * 1000).toISOString();
}

export function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
