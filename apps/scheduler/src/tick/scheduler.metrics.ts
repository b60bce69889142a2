import { Counter } from 'prom-client';
import { metricsRegistry } from '@hopwatch/platform';

export const enqueuedChecks = new Counter({
  name: 'hopwatch_scheduler_enqueued_checks_total',
  help: 'Check jobs enqueued, one per (site, region, slot)',
  labelNames: ['region'],
  registers: [metricsRegistry],
});

export const missedSlots = new Counter({
  name: 'hopwatch_scheduler_missed_slots_total',
  help: 'Slots the scheduler could not enqueue in time and recorded as missed',
  registers: [metricsRegistry],
});

export const reenqueuedChecks = new Counter({
  name: 'hopwatch_scheduler_reenqueued_checks_total',
  help: 'Check jobs enqueued again for claimed slots after Redis lost its data (restart without persistence, flush)',
  registers: [metricsRegistry],
});
