import { Gauge } from 'prom-client';
import { metricsRegistry } from '@hopwatch/platform';

export const openEventStreams = new Gauge({
  name: 'hopwatch_event_streams_open',
  help: 'Server-Sent Events streams (GET /api/v1/events) open in this api process',
  registers: [metricsRegistry],
});
