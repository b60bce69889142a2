import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { IncidentEntity } from './incident.entity';

export type TimelineKind = 'opened' | 'updated' | 'flapping' | 'reopened' | 'resolved' | 'maintenance';

/** Every change of an incident, in order. */
@Entity('incident_timeline')
@Index('incident_timeline_incident', { synchronize: false })
export class IncidentTimelineEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ name: 'incident_id', type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'FK_incident_timeline_incident' })
  incident!: Relation<IncidentEntity>;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 20 })
  kind!: TimelineKind;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail!: Record<string, unknown>;
}
