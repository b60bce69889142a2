// What a run looks like from outside at its end, as an operator would see it: the pipeline block of
// /health/ready and the pipeline's series of each process's /metrics (per-site series counted, not listed).
import type { HopwatchLayout } from './bench-processes';

const PIPELINE_SERIES = /^hopwatch_(checks_behind|worker_probe_concurrency|worker_event_loop_utilization|slot_lateness_p99_seconds|queue_jobs|dependency_up|result_buffer_length|scheduler_\w+|writer_batch_size_(sum|count))\b/;

export type PipelineState = { readiness: unknown; metrics: Record<string, string[]>; siteUpSeries: number; sitesDown: number };

export async function pipelineState(hopwatch: HopwatchLayout): Promise<PipelineState> {
  const readiness = await (await fetch(`${hopwatch.apiUrl}/health/ready`)).json().catch((error: Error) => ({ error: error.message }));
  const metrics: Record<string, string[]> = {};
  let siteUpSeries = 0;
  let sitesDown = 0;
  for (const [name, url] of hopwatch.metricsUrls) {
    const text = await (await fetch(url)).text().catch(() => '');
    const lines = text.split('\n');
    metrics[name] = lines.filter((line) => PIPELINE_SERIES.test(line));
    const siteUp = lines.filter((line) => line.startsWith('hopwatch_site_up{'));
    siteUpSeries += siteUp.length;
    sitesDown += siteUp.filter((line) => line.endsWith(' 0')).length;
  }
  return { readiness, metrics, siteUpSeries, sitesDown };
}
