import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { IncidentEventType } from '@hopwatch/domain';
import { IncidentEntity } from './incident.entity';

/**
 * The outbox: written in the same transaction as the incident change it announces, so an event is never
 * lost if the process dies before the alerting module has taken it.
 */
@Entity('incident_events')
@Index('incident_events_pending', { synchronize: false })
export class IncidentEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'FK_incident_events_incident' })
  incident!: Relation<IncidentEntity>;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @Column({ type: 'varchar', length: 24 })
  type!: IncidentEventType;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;

  /** What the alerting module made of it: notified, muted (maintenance), suppressed (rate limit) or superseded. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: string | null;
}
