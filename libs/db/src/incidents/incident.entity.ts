import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Diagnosis, FailureRate, ObservedWindow, Pattern } from '@hopwatch/domain';
import { SiteEntity } from '../sites/site.entity';

/** What the incident logic remembers between runs besides the columns: the flip history. */
export type IncidentMemory = { flips: string[]; heldOpen: boolean; awaitingMembers?: boolean };

export type IncidentCounts = { failedChecks: number; checks: number };

@Entity('incidents')
@Index('incidents_one_open_per_site', { synchronize: false })
@Index('incidents_site_started', { synchronize: false })
@Index('incidents_status_started', { synchronize: false })
@Index('incidents_root', { synchronize: false })
@Index('incidents_open_shared_hops', { synchronize: false })
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_incidents_site' })
  site!: Relation<SiteEntity>;

  @Column({ type: 'varchar', length: 10 })
  status!: 'open' | 'resolved';

  @Column({ type: 'varchar', length: 20 })
  pattern!: Pattern;

  @Column({ type: 'boolean', default: false })
  flapping!: boolean;

  @Column({ type: 'text', array: true })
  regions!: string[];

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  /** When the open rule fired; `startedAt` is the episode's first failed check. Null only on rows written without it. */
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'failure_rate', type: 'jsonb', nullable: true })
  failureRate!: FailureRate | null;

  @Column({ name: 'observed_window', type: 'jsonb', nullable: true })
  observedWindow!: ObservedWindow | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 32 })
  cause!: string;

  @Column({ name: 'failing_hop', type: 'varchar', length: 80, nullable: true })
  failingHop!: string | null;

  @Column({ name: 'reported_by', type: 'varchar', length: 80, nullable: true })
  reportedBy!: string | null;

  @Column({ type: 'varchar', length: 32 })
  gateway!: string;

  @Column({ type: 'real' })
  confidence!: number;

  @Column({ type: 'jsonb' })
  diagnosis!: Diagnosis;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  counts!: IncidentCounts;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  state!: IncidentMemory;

  /** Set on a member: the root incident of the shared hop it failed at, which is notified instead. */
  @Column({ name: 'root_incident_id', type: 'uuid', nullable: true })
  rootIncidentId!: string | null;

  @ManyToOne(() => IncidentEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'root_incident_id', foreignKeyConstraintName: 'FK_incidents_root' })
  root?: Relation<IncidentEntity> | null;

  /** What identifies the failing hop across sites (url:…, address:…); empty when the entry itself fails. */
  @Column({ name: 'shared_hop_keys', type: 'text', array: true, default: () => "'{}'" })
  sharedHopKeys!: string[];

  /** Some of it happened inside a maintenance window: recorded, but nobody was notified. */
  @Column({ name: 'in_maintenance', type: 'boolean', default: false })
  inMaintenance!: boolean;
}
