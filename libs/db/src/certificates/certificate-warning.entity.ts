import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { SiteEntity } from '../sites/site.entity';

/**
 * A threshold one certificate of one target has crossed. Rows with `notify` are the outbox of a warning
 * (dispatched into deliveries once); the others only record that a threshold is spent.
 */
@Entity('certificate_warnings')
@Unique('certificate_warnings_once', ['siteId', 'target', 'validTo', 'thresholdDays'])
@Index('certificate_warnings_pending', { synchronize: false })
export class CertificateWarningEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_certificate_warnings_site' })
  site!: Relation<SiteEntity>;

  /** `entry` or a hop name. */
  @Column({ type: 'varchar', length: 80 })
  target!: string;

  @Column({ name: 'valid_to', type: 'timestamptz' })
  validTo!: Date;

  @Column({ name: 'threshold_days', type: 'int' })
  thresholdDays!: number;

  @Column({ name: 'days_left', type: 'real' })
  daysLeft!: number;

  @Column({ type: 'text', nullable: true })
  issuer!: string | null;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Column({ type: 'boolean' })
  notify!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;
}
