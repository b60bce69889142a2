import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@hopwatch/platform';

export const checkOutcomes = new Counter({
  name: 'hopwatch_checks_total',
  help: 'Probe results by region, target kind and outcome (up, down, missed)',
  labelNames: ['region', 'kind', 'outcome'],
  registers: [metricsRegistry],
});

export const slotLateness = new Histogram({
  name: 'hopwatch_slot_lateness_seconds',
  help: 'Delay between a slot and the start of its probes',
  labelNames: ['region'],
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
  registers: [metricsRegistry],
});

export const probeDuration = new Histogram({
  name: 'hopwatch_probe_duration_seconds',
  help: 'Total time of one probe',
  labelNames: ['region', 'kind'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

/** Each phase a probe went through (dns, connect, tls, ttfb) and its total, per target kind (http, tcp, dns). */
export const probePhaseDuration = new Histogram({
  name: 'hopwatch_probe_phase_duration_seconds',
  help: 'Time from the start of a probe to the end of each phase (dns, connect, tls, ttfb, total), by target kind',
  labelNames: ['kind', 'phase'],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

export const alertDeliveryAttempts = new Counter({
  name: 'hopwatch_alert_delivery_attempts_total',
  help: 'Alert delivery attempts by channel kind and outcome (delivered, retry, failed)',
  labelNames: ['channel_kind', 'outcome'],
  registers: [metricsRegistry],
});

export const writerBatchSize = new Histogram({
  name: 'hopwatch_writer_batch_size',
  help: 'Results per insert statement',
  buckets: [1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500],
  registers: [metricsRegistry],
});

export const writerLatency = new Histogram({
  name: 'hopwatch_writer_flush_seconds',
  help: 'Time to insert one batch of results',
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const incidentsChanged = new Counter({
  name: 'hopwatch_incident_changes_total',
  help: 'Incident timeline entries written, by kind (opened, updated, flapping, resolved)',
  labelNames: ['kind'],
  registers: [metricsRegistry],
});

export const drainedRuns = new Counter({
  name: 'hopwatch_result_buffer_drained_total',
  help: 'Buffered check runs stored (or found already stored) once Postgres was back',
  registers: [metricsRegistry],
});

export const checksBehind = new Gauge({
  name: 'hopwatch_checks_behind',
  help: '1 while this worker\'s checks run behind (p99 slot lateness over the last 30 s past HOPWATCH_LATENESS_WARN_SECONDS)',
  labelNames: ['region'],
  registers: [metricsRegistry],
});

export const recentLatenessP99 = new Gauge({
  name: 'hopwatch_slot_lateness_p99_seconds',
  help: 'p99 delay between a slot and the start of its probes, over the last 30 s, on this worker',
  labelNames: ['region'],
  registers: [metricsRegistry],
});

export const probeConcurrency = new Gauge({
  name: 'hopwatch_worker_probe_concurrency',
  help: 'Checks this worker probes at once at most right now: between HOPWATCH_WORKER_CONCURRENCY and HOPWATCH_WORKER_CONCURRENCY_MAX, sized from its event loop',
  labelNames: ['region'],
  registers: [metricsRegistry],
});

export const eventLoopUtilization = new Gauge({
  name: 'hopwatch_worker_event_loop_utilization',
  help: 'Fraction of the last second this worker\'s event loop was busy rather than waiting for I/O (what sizes its probe slots)',
  registers: [metricsRegistry],
});
