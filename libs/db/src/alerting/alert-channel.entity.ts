import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ChannelKind = 'email' | 'webhook';

@Entity('alert_channels')
export class AlertChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: ChannelKind;

  @Column({ name: 'email_to', type: 'text', array: true, default: () => "'{}'" })
  emailTo!: string[];

  @Column({ name: 'webhook_url', type: 'text', nullable: true })
  webhookUrl!: string | null;

  /** Needed to sign every delivery, so it is kept, sealed (SecretBox); the API shows it only in the response that created it. */
  @Column({ name: 'webhook_secret', type: 'text', nullable: true })
  webhookSecret!: string | null;

  /** Notified for every site, in addition to the channels a site lists. */
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
