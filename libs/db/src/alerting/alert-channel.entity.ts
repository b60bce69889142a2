import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ChannelKind = 'email' | 'webhook' | 'slack' | 'teams' | 'discord' | 'telegram' | 'pagerduty' | 'ntfy';

/** The parts of a chat channel's configuration that are not secret (the secret is `credential`). */
export type ChannelSettings = {
  chatId?: string;
  topic?: string;
  serverUrl?: string;
  /** How the API shows the secret (`…WXYZ`, `https://hooks.slack.com/…WXYZ`), kept so no request has to open it. */
  credentialHint?: string;
};

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

  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings!: ChannelSettings;

  /**
   * The one secret of a chat channel: the Slack, Teams or Discord webhook URL, the Telegram bot token,
   * the PagerDuty routing key or the ntfy access token, sealed like the webhook secret (SecretBox). Needed to
   * send, never shown after creation.
   */
  @Column({ type: 'text', nullable: true })
  credential!: string | null;

  /** Notified for every site, in addition to the channels a site lists. */
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault!: boolean;

  /** The tool that created it (`hopwatch` for `hopwatch apply`); null when made by hand. */
  @Column({ name: 'managed_by', type: 'varchar', length: 63, nullable: true })
  managedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
