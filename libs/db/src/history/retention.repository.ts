// Row-by-row purges, for what whole-partition drops (ResultPartitionRepository) do not cover: raw results that
// landed in probe_results_default (slots outside every day partition, such as a late write of a long-gone
// day). Small batches, so no statement holds row locks for long and nothing locks the table: a DELETE takes
// only ROW EXCLUSIVE, which inserts and reads pass freely. The default partition is small, so each batch
// finds its rows by scanning it. Rollups are untouched.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

// ctid: the rows were just found, so their physical address is the cheapest way back to them.
const DELETE_DEFAULT_BATCH = `
  DELETE FROM probe_results_default WHERE ctid = ANY(ARRAY(
    SELECT ctid FROM probe_results_default WHERE slot < to_timestamp($1) LIMIT $2))`;

export type RetentionOptions = {
  batchSize: number;
  pauseMs: number;
  /** Asked between batches; true ends the purge early (the rest waits for the next run). */
  stopping: () => boolean;
};

const DEFAULTS: RetentionOptions = { batchSize: 5_000, pauseMs: 10, stopping: () => false };

@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Deletes the default partition's raw results with slots before `cutoff` (epoch seconds); returns how many. */
  async deleteUnpartitionedBefore(cutoff: number, options: Partial<RetentionOptions> = {}): Promise<number> {
    return this.deleteInBatches(DELETE_DEFAULT_BATCH, cutoff, { ...DEFAULTS, ...options });
  }

  private async deleteInBatches(sql: string, cutoff: number, { batchSize, pauseMs, stopping }: RetentionOptions): Promise<number> {
    let deleted = 0;
    for (;;) {
      if (stopping()) return deleted;
      const [, count]: [unknown, number] = await this.dataSource.query(sql, [cutoff, batchSize]);
      deleted += count;
      if (count < batchSize) return deleted;
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
