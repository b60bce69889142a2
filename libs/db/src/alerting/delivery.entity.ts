import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { CertificateWarningEntity } from '../certificates/certificate-warning.entity';
import { IncidentEventEntity } from '../incidents/incident-event.entity';
import { IncidentEntity } from '../incidents/incident.entity';
import { AlertChannelEntity } from './alert-channel.entity';

export type Notice = 'opened' | 'updated' | 'flapping' | 'resolved' | 'test' | 'certificate';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
export type DeliveryAttempt = { at: string; outcome: 'delivered' | 'retry' | 'failed'; error: string | null; responseStatus: number | null };

/** One notice to one channel. Unique per (event, channel): a duplicate job or a crash cannot make a second one. */
@Entity('deliveries')
@Unique('deliveries_one_per_event_and_channel', ['eventId', 'channelId'])
@Unique('deliveries_one_per_warning_and_channel', ['certificateWarningId', 'channelId'])
@Index('deliveries_channel_created', { synchronize: false })
@Index('deliveries_pending', { synchronize: false })
@Index('deliveries_incident', { synchronize: false })
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId!: string;

  @ManyToOne(() => AlertChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'FK_deliveries_channel' })
  channel!: Relation<AlertChannelEntity>;

  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId!: string | null;

  @ManyToOne(() => IncidentEventEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_deliveries_event' })
  event!: Relation<IncidentEventEntity> | null;

  @Column({ name: 'incident_id', type: 'uuid', nullable: true })
  incidentId!: string | null;

  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'FK_deliveries_incident' })
  incident!: Relation<IncidentEntity> | null;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId!: string | null;

  /** Set on a certificate expiry warning's deliveries. */
  @Column({ name: 'certificate_warning_id', type: 'bigint', nullable: true })
  certificateWarningId!: string | null;

  @ManyToOne(() => CertificateWarningEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'certificate_warning_id', foreignKeyConstraintName: 'FK_deliveries_certificate_warning' })
  certificateWarning!: Relation<CertificateWarningEntity> | null;

  @Column({ type: 'varchar', length: 16 })
  notice!: Notice;

  @Column({ type: 'varchar', length: 12 })
  status!: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'attempt_log', type: 'jsonb', default: () => "'[]'" })
  attemptLog!: DeliveryAttempt[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
