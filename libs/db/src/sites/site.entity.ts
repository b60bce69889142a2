import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, Relation, Unique, UpdateDateColumn } from 'typeorm';
import type { DnsRecordType, HttpMethod, SiteDetection } from '@hopwatch/domain';
import { HopEntity } from './hop.entity';

@Entity('sites')
// GIN and partial indexes cannot be described by decorators; the migrations own these.
@Index('sites_tags_gin', { synchronize: false })
@Index('sites_created_at_id', { synchronize: false })
@Index('sites_due', { synchronize: false })
@Unique('sites_push_token_unique', ['pushToken'])
export class SiteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'varchar', length: 8 })
  method!: HttpMethod;

  @Column({ name: 'interval_seconds', type: 'int' })
  intervalSeconds!: number;

  @Column({ name: 'timeout_ms', type: 'int' })
  timeoutMs!: number;

  @Column({ name: 'expect_status', type: 'varchar', length: 100 })
  expectStatus!: string;

  @Column({ name: 'body_contains', type: 'text', nullable: true })
  bodyContains!: string | null;

  @Column({ type: 'text', array: true })
  regions!: string[];

  @Column({ name: 'dns_resolvers', type: 'text', array: true })
  dnsResolvers!: string[];

  /** DNS sites (`dns://name`) only: the record type asked for on each resolver. */
  @Column({ name: 'dns_record_type', type: 'varchar', length: 8, nullable: true })
  dnsRecordType!: DnsRecordType | null;

  /** DNS sites only: every one of these must be among the answers. */
  @Column({ name: 'dns_expect', type: 'text', array: true, nullable: true })
  dnsExpect!: string[] | null;

  @Column({ type: 'text', array: true })
  tags!: string[];

  @Column({ name: 'alert_channel_ids', type: 'uuid', array: true })
  alertChannelIds!: string[];

  @Column({ type: 'int' })
  confirmations!: number;

  @Column({ type: 'int' })
  recoveries!: number;

  @Column({ type: 'boolean' })
  paused!: boolean;

  /** Overrides of the detection defaults; empty means the defaults. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  detection!: SiteDetection;

  /** Set on push (heartbeat) monitors: the secret part of the URL the job pings. */
  @Column({ name: 'push_token', type: 'varchar', length: 64, nullable: true })
  pushToken!: string | null;

  @Column({ name: 'push_period_seconds', type: 'int', nullable: true })
  pushPeriodSeconds!: number | null;

  @Column({ name: 'push_grace_seconds', type: 'int', nullable: true })
  pushGraceSeconds!: number | null;

  @Column({ name: 'push_last_success_at', type: 'timestamptz', nullable: true })
  pushLastSuccessAt!: Date | null;

  @Column({ name: 'push_last_start_at', type: 'timestamptz', nullable: true })
  pushLastStartAt!: Date | null;

  @Column({ name: 'push_last_fail_at', type: 'timestamptz', nullable: true })
  pushLastFailAt!: Date | null;

  /** The scheduler's cursor: the start of the next slot to enqueue. */
  @Column({ name: 'next_run_at', type: 'timestamptz' })
  nextRunAt!: Date;

  /** The slot the last claim enqueued, written only by the claim (ScheduleRepository.advance), never by saving a site. */
  @Column({ name: 'last_enqueued_slot', type: 'timestamptz', nullable: true, insert: false, update: false })
  lastEnqueuedSlot!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => HopEntity, (hop) => hop.site, { cascade: true })
  hops!: Relation<HopEntity>[];
}
