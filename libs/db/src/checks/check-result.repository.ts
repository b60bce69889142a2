import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LATENCY_BUCKET_THRESHOLDS_MS } from '@hopwatch/domain';
import { scoredResults, upsertRollups } from '../history/rollup.sql';
import { CheckResultEntity } from './check-result.entity';
import { CheckResultQuery, NewCheckResult } from './check-result.types';
import { DnsAnswerSets } from './dns-answer-sets';
import { ProbeSeriesRegistry } from './probe-series-registry';
import { resultId, startedOffsetMs, STORED_KINDS, storableAddress, unlessHealthy } from './compact-result.sql';

// Two statements per batch whatever its size, each column travelling as one array parameter. The first files
// any new (site, target, region) under a small series id; it runs on its own so the second, in a fresh snapshot,
// sees series that a concurrent writer has just committed. The second stores the compact rows (see the
// CompactPartitionedResults migration) and adds the rows it actually inserted to the hourly rollups, so a result
// stored twice (skipped by the primary key) is counted once, and a late result lands in its own slot's hour.
// Daily rollups are built when a day closes (DayCloseRepository); a result of a day before today marks its
// (site, day) dirty in the same statement, so the reads sum that day's hours until the day is rebuilt, and the
// update of an existing mark holds it until this statement commits: a rebuild clearing it waits to see the result.
// A result older than the hourly rollups still kept (hourly_kept_since) has no hours to go into and goes straight
// into its daily row, unless its day is marked: that day's hours are kept until its rebuild, which would overwrite
// an addition made to the daily row meanwhile.
const INSERT_BATCH = `
  WITH input AS (
    SELECT * FROM unnest(
      $1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::timestamptz[], $6::timestamptz[], $7::boolean[],
      $8::smallint[], $9::varchar[], $10::text[], $11::real[], $12::real[], $13::real[], $14::real[], $15::real[],
      $16::inet[], $17::jsonb[], $18::text[], $19::jsonb[], $20::jsonb[], $21::varchar[], $24::int[])
      AS input(site_id, target, kind, region, slot, started_at, ok, status, error_code, error_message,
               dns_ms, connect_ms, tls_ms, ttfb_ms, total_ms, remote_address, headers, body_snippet, tls, dns, gateway,
               answer_set_id)
  ),
  stored AS (
    INSERT INTO probe_results (slot, series_id, started_ms, total_ms, dns_ms, connect_ms, tls_ms, ttfb_ms, status, kind, ok,
                               remote_address, error_code, error_message, headers, body_snippet, tls, dns, gateway, answer_set_id)
    SELECT input.slot, series.id, ${startedOffsetMs('input.started_at', 'input.slot')}, input.total_ms, input.dns_ms,
           input.connect_ms, input.tls_ms, input.ttfb_ms, input.status, array_position($23::varchar[], input.kind), input.ok,
           input.remote_address, input.error_code, input.error_message,
           ${unlessHealthy('input.headers')}, ${unlessHealthy('input.body_snippet')}, ${unlessHealthy('input.tls')},
           input.dns, input.gateway, input.answer_set_id
      FROM input JOIN probe_series AS series USING (site_id, target, region)
    ON CONFLICT (series_id, slot) DO NOTHING
    RETURNING slot, series_id, ok, status, error_code, total_ms
  ),
  inserted AS (
    SELECT ${resultId('stored')} AS id, series.site_id, series.target, series.region,
           stored.slot, stored.ok, stored.status, stored.error_code, stored.total_ms
      FROM stored JOIN probe_series AS series ON series.id = stored.series_id
  ),
  scored AS (SELECT ${scoredResults('$22::float8[]')} FROM inserted AS result),
  placed AS (
    SELECT scored.*, CASE WHEN scored.slot >= progress.hourly_kept_since THEN true
                          ELSE EXISTS (SELECT 1 FROM rollup_dirty_days AS marked
                                        WHERE marked.site_id = scored.site_id AND marked.day = date_trunc('day', scored.slot, 'UTC')) END AS into_hours
      FROM scored, rollup_progress AS progress
  ),
  kept_hours AS (SELECT * FROM placed WHERE into_hours),
  purged_hours AS (SELECT * FROM placed WHERE NOT into_hours),
  hourly AS (${upsertRollups('rollups_hourly', 'hour', 'kept_hours')}),
  past_days AS (${upsertRollups('rollups_daily', 'day', 'purged_hours')}),
  dirty_days AS (
    INSERT INTO rollup_dirty_days AS dirty (site_id, day, marked_at)
    SELECT DISTINCT site_id, date_trunc('day', slot, 'UTC'), now() FROM kept_hours WHERE slot < date_trunc('day', now(), 'UTC')
     ORDER BY 1, 2
    ON CONFLICT (site_id, day) DO UPDATE SET marked_at = EXCLUDED.marked_at)
  SELECT id, site_id, target, region, slot FROM inserted`;

type InsertedKey = { id: string; site_id: string; target: string; region: string; slot: Date };

const resultKey = (siteId: string, target: string, region: string, slotSeconds: number) => `${siteId}|${target}|${region}|${slotSeconds}`;
@Injectable()
export class CheckResultRepository {
  private readonly series: ProbeSeriesRegistry;
  private readonly answerSets: DnsAnswerSets;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.series = new ProbeSeriesRegistry(dataSource);
    this.answerSets = new DnsAnswerSets(dataSource);
  }

  /** Idempotent: a result already stored for its (site, target, region, slot) is skipped. Returns the ids inserted. */
  async insertMany(results: NewCheckResult[]): Promise<string[]> {
    return (await this.insert(results)).map((row) => row.id);
  }

  /**
   * Like `insertMany`, but answers per given result: the id this call stored it under, or null when it was
   * skipped (already stored, or a repeat of an earlier result in the same call), so callers know which
   * of their results are the stored truth.
   */
  async insertEach(results: NewCheckResult[]): Promise<Array<string | null>> {
    const idByKey = new Map((await this.insert(results)).map((row) => [resultKey(row.site_id, row.target, row.region, row.slot.getTime() / 1000), row.id]));
    return results.map((result) => {
      const key = resultKey(result.siteId, result.target, result.region, result.slot);
      const id = idByKey.get(key) ?? null;
      idByKey.delete(key);
      return id;
    });
  }

  private async insert(results: NewCheckResult[]): Promise<InsertedKey[]> {
    if (results.length === 0) return [];
    const column = <T>(pick: (result: NewCheckResult) => T) => results.map(pick);
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    await this.series.file(results);
    // A result stored under a DNS answer set leaves its jsonb to the set.
    const answerSetIds = await this.answerSets.idsFor(results);
    return this.dataSource.query(INSERT_BATCH, [
      column((r) => r.siteId),
      column((r) => r.target),
      column((r) => r.kind),
      column((r) => r.region),
      column((r) => new Date(r.slot * 1000).toISOString()),
      column((r) => r.startedAt),
      column((r) => r.ok),
      column((r) => r.status),
      column((r) => r.errorCode),
      column((r) => r.errorMessage),
      column((r) => r.timings.dnsMs),
      column((r) => r.timings.connectMs),
      column((r) => r.timings.tlsMs),
      column((r) => r.timings.ttfbMs),
      column((r) => r.timings.totalMs),
      column((r) => storableAddress(r.remoteAddress)),
      // What a success would not keep (see unlessHealthy) is not even sent: Postgres parsed every healthy
      // probe's headers as jsonb only to drop them.
      column((r) => (r.ok ? null : JSON.stringify(r.headers ?? {}))),
      column((r) => (r.ok ? null : r.bodySnippet)),
      column((r) => (r.ok ? null : json(r.tls))),
      results.map((result, index) => (answerSetIds[index] === null ? json(result.dns) : null)),
      column((r) => r.gateway),
      LATENCY_BUCKET_THRESHOLDS_MS,
      STORED_KINDS,
      answerSetIds,
    ]);
  }

  /**
   * Newest first, keyset-paginated on (slot, id). One index walk per series of the site, newest slot first, each
   * stopping after `limit` rows, merged here: a single walk over the whole site would have to sort all its rows.
   */
  async list(query: CheckResultQuery): Promise<CheckResultEntity[]> {
    const series: Array<{ id: number }> = await this.dataSource.query(
      `SELECT id FROM probe_series WHERE site_id = $1 AND ($2::varchar IS NULL OR target = $2) AND ($3::varchar IS NULL OR region = $3)`,
      [query.siteId, query.target, query.region],
    );
    const pages = await Promise.all(series.map((one) => this.seriesPage(one.id, query)));
    return pages
      .flat()
      .sort((a, b) => b.slot.getTime() - a.slot.getTime() || Number(BigInt(b.id) - BigInt(a.id)))
      .slice(0, query.limit);
  }

  private seriesPage(seriesId: number, query: CheckResultQuery): Promise<CheckResultEntity[]> {
    const builder = this.dataSource
      .getRepository(CheckResultEntity)
      .createQueryBuilder('result')
      .where('result.series_id = :seriesId', { seriesId })
      .orderBy('result.slot', 'DESC')
      .limit(query.limit);
    if (query.from) builder.andWhere('result.slot >= :from', { from: query.from });
    if (query.to) builder.andWhere('result.slot < :to', { to: query.to });
    if (query.after) {
      builder.andWhere('result.slot <= :afterSlot AND (result.slot, result.id) < (:afterSlot, :afterId)', { afterSlot: query.after.slot, afterId: query.after.id });
    }
    return builder.getMany();
  }
}
