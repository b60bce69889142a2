import { collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per process; every module registers its metrics here. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'hopwatch_' });

// prom-client adds gauges named `*_total`, a suffix Prometheus reserves for counters (promtool flags
// them). Each repeats the sum of a per-type gauge it also registers (`hopwatch_nodejs_active_handles`…).
for (const name of ['active_handles', 'active_requests', 'active_resources']) {
  metricsRegistry.removeSingleMetric(`hopwatch_nodejs_${name}_total`);
}
