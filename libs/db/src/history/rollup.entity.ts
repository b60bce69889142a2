import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { SiteEntity } from '../sites/site.entity';

/**
 * Counts of one target of one site seen from one region over one bucket of time. Hourly rows are written by
 * the raw insert statement (CheckResultRepository.insertMany), daily rows by the day close
 * (DayCloseRepository) from the hourly ones; read by HistoryRepository. Hourly rows are purged after
 * HOPWATCH_HOURLY_ROLLUP_DAYS, daily rows kept forever.
 */
abstract class RollupColumns {
  @PrimaryColumn({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  /** Start of the UTC hour or day. */
  @PrimaryColumn({ name: 'bucket_start', type: 'timestamptz' })
  bucketStart!: Date;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  target!: string;

  @PrimaryColumn({ type: 'varchar', length: 63 })
  region!: string;

  @Column({ type: 'int' })
  checks!: number;

  @Column({ type: 'int' })
  up!: number;

  @Column({ type: 'int' })
  failed!: number;

  @Column({ type: 'int' })
  missed!: number;

  @Column({ name: 'status_5xx', type: 'int' })
  status5xx!: number;

  @Column({ name: 'status_502', type: 'int' })
  status502!: number;

  @Column({ name: 'status_503', type: 'int' })
  status503!: number;

  @Column({ name: 'status_504', type: 'int' })
  status504!: number;

  @Column({ type: 'int' })
  timeouts!: number;

  @Column({ name: 'latency_sum_ms', type: 'double precision' })
  latencySumMs!: number;

  @Column({ name: 'downtime_seconds', type: 'int' })
  downtimeSeconds!: number;

  /** Latency histogram of successful checks, packed (see packed-histogram.ts; buckets: LATENCY_BUCKET_THRESHOLDS_MS). */
  @Column({ name: 'latency_histogram', type: 'int', array: true })
  latencyHistogram!: number[];

  /** HTTP status (or error code when there was no answer) → count. */
  @Column({ name: 'status_counts', type: 'jsonb' })
  statusCounts!: Record<string, number>;
}

@Entity('rollups_hourly')
export class RollupHourlyEntity extends RollupColumns {
  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_rollups_hourly_site' })
  site!: Relation<SiteEntity>;
}

@Entity('rollups_daily')
export class RollupDailyEntity extends RollupColumns {
  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_rollups_daily_site' })
  site!: Relation<SiteEntity>;
}
