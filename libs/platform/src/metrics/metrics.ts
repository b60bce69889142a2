import { collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per process; every module registers its metrics here. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'hopwatch_' });
