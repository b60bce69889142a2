// Requests by route template (never the raw path: ids would make a series per site) and status.
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '@hopwatch/platform';

const requests = new Counter({
  name: 'hopwatch_http_requests_total',
  help: 'HTTP requests answered by the API, by method, route template and status',
  labelNames: ['method', 'route', 'status'],
  registers: [metricsRegistry],
});

const duration = new Histogram({
  name: 'hopwatch_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method and route template',
  labelNames: ['method', 'route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** Express middleware: counts each request once its answer is sent. Unmatched paths share one label. */
export function countHttpRequests(request: Request, response: Response, next: NextFunction): void {
  const stop = duration.startTimer();
  response.once('finish', () => {
    const route = routeOf(request);
    requests.inc({ method: request.method, route, status: String(response.statusCode) });
    stop({ method: request.method, route });
  });
  next();
}

function routeOf(request: Request): string {
  const template: unknown = request.route?.path;
  return typeof template === 'string' ? `${request.baseUrl}${template}` : 'unmatched';
}
