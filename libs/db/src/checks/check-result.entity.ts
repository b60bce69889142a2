import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { DnsInfo, ErrorCode, TargetKind, TlsInfo } from '@hopwatch/domain';
import { SiteEntity } from '../sites/site.entity';

/**
 * One probe of one target, for one (site, region, slot), read through the check_results view over the compact,
 * day-partitioned probe_results (see the CompactPartitionedResults migration). Written by CheckResultRepository only.
 */
@Entity('check_results', { synchronize: false })
export class CheckResultEntity {
  /** Derived from the row's key (see compact-result.sql.ts), unique and stable. */
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_probe_series_site' })
  site!: Relation<SiteEntity>;

  @Column({ type: 'varchar', length: 80 })
  target!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: TargetKind;

  @Column({ type: 'varchar', length: 63 })
  region!: string;

  @Column({ type: 'timestamptz' })
  slot!: Date;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'boolean' })
  ok!: boolean;

  @Column({ type: 'smallint', nullable: true })
  status!: number | null;

  @Column({ name: 'error_code', type: 'varchar', length: 32, nullable: true })
  errorCode!: ErrorCode | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @Column({ name: 'dns_ms', type: 'real', nullable: true })
  dnsMs!: number | null;

  @Column({ name: 'connect_ms', type: 'real', nullable: true })
  connectMs!: number | null;

  @Column({ name: 'tls_ms', type: 'real', nullable: true })
  tlsMs!: number | null;

  @Column({ name: 'ttfb_ms', type: 'real', nullable: true })
  ttfbMs!: number | null;

  @Column({ name: 'total_ms', type: 'real' })
  totalMs!: number;

  @Column({ name: 'remote_address', type: 'varchar', length: 64, nullable: true })
  remoteAddress!: string | null;

  /** Empty for a healthy probe: only failures keep their headers, body snippet and TLS details. */
  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  @Column({ name: 'body_snippet', type: 'text', nullable: true })
  bodySnippet!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  tls!: TlsInfo | null;

  @Column({ type: 'jsonb', nullable: true })
  dns!: DnsInfo | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  gateway!: string | null;
}
