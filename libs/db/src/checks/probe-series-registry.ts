// Files each (site, target, region) under a small series id before its first result is stored, and keeps the
// planner's idea of probe_series current while it grows fast. Every per-site read of results joins probe_series; on
// a fleet imported at once, statistics taken when the table was a tenth of its size made Postgres scan a whole day
// partition per analysis (323 ms each at 50,000 sites) instead of walking the site's four series.
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NewCheckResult } from './check-result.types';

const INPUT = `unnest($1::uuid[], $2::varchar[], $3::varchar[]) AS input(site_id, target, region)`;

const INSERT_SERIES = `
  INSERT INTO probe_series (site_id, target, region)
  SELECT DISTINCT site_id, target, region FROM ${INPUT} ORDER BY 1, 2, 3
  ON CONFLICT (site_id, target, region) DO NOTHING
  RETURNING id`;

// Bounds the memory of series filed; past it the set starts over and re-files (a no-op) what it meets again.
const MAX_KNOWN_SERIES = 1_000_000;
// Statistics are refreshed once this process has filed this many series, or as many as the table held when they
// were last taken (so a growing fleet is analysed about once per doubling, never per batch).
const ANALYZE_AFTER_SERIES = 1_000;

const seriesKey = (result: NewCheckResult) => `${result.siteId}|${result.target}|${result.region}`;

export class ProbeSeriesRegistry {
  private readonly logger = new Logger(ProbeSeriesRegistry.name);
  // A series is only ever added (and goes with its site): once filed, asking Postgres again on every batch is waste.
  private readonly known = new Set<string>();
  private filedSinceAnalyze = 0;
  private sizeAtAnalyze = 0;
  private analyzing: Promise<void> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** Files the series of these results that this process has not met yet (a no-op for those already filed). */
  async file(results: NewCheckResult[]): Promise<void> {
    const fresh = results.filter((result) => !this.known.has(seriesKey(result)));
    if (fresh.length === 0) return;
    const inserted: unknown[] = await this.dataSource.query(INSERT_SERIES, [fresh.map((r) => r.siteId), fresh.map((r) => r.target), fresh.map((r) => r.region)]);
    if (this.known.size + fresh.length > MAX_KNOWN_SERIES) this.known.clear();
    for (const result of fresh) this.known.add(seriesKey(result));
    this.filedSinceAnalyze += inserted.length;
    if (this.filedSinceAnalyze >= Math.max(ANALYZE_AFTER_SERIES, this.sizeAtAnalyze) && !this.analyzing) {
      this.analyzing = this.analyze().finally(() => (this.analyzing = null));
    }
  }

  /** Resolves once a refresh of the statistics started by `file` is over (for tests). */
  async settled(): Promise<void> {
    await this.analyzing;
  }

  // In the background: the batch that crossed the threshold is not held up by it.
  private async analyze(): Promise<void> {
    this.filedSinceAnalyze = 0;
    try {
      await this.dataSource.query('ANALYZE probe_series');
      const [row]: Array<{ size: number }> = await this.dataSource.query(`SELECT reltuples::float8 AS size FROM pg_class WHERE oid = 'probe_series'::regclass`);
      this.sizeAtAnalyze = Math.max(0, row?.size ?? 0);
    } catch (error) {
      this.logger.warn(`refreshing the statistics of probe_series failed: ${(error as Error).message}`);
    }
  }
}
