import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { AlertChannelEntity } from './alert-channel.entity';

export type NewAlertChannel = Pick<AlertChannelEntity, 'name' | 'kind' | 'emailTo' | 'webhookUrl' | 'webhookSecret' | 'isDefault' | 'managedBy'> &
  Partial<Pick<AlertChannelEntity, 'settings' | 'credential'>>;

@Injectable()
export class AlertChannelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get channels() {
    return this.dataSource.getRepository(AlertChannelEntity);
  }

  create(channel: NewAlertChannel): Promise<AlertChannelEntity> {
    return this.channels.save(this.channels.create(channel));
  }

  list(): Promise<AlertChannelEntity[]> {
    return this.channels.find({ order: { createdAt: 'ASC' } });
  }

  findById(id: string): Promise<AlertChannelEntity | null> {
    return this.channels.findOne({ where: { id } });
  }

  async delete(id: string): Promise<boolean> {
    return ((await this.channels.delete({ id })).affected ?? 0) > 0;
  }

  /** Which of these ids name existing channels. */
  async existing(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return (await this.channels.find({ select: { id: true }, where: { id: In(ids) } })).map((channel) => channel.id);
  }

  /** Channels that keep a sealed secret, with that secret. */
  async withSecrets(): Promise<{ id: string; webhookSecret: string }[]> {
    const rows = await this.channels.find({ select: { id: true, webhookSecret: true }, where: { webhookSecret: Not(IsNull()) } });
    return rows.map((row) => ({ id: row.id, webhookSecret: row.webhookSecret! }));
  }

  /** Swaps a secret only if it is still the one read, so replicas re-sealing at once do not clash. */
  async replaceSecret(id: string, current: string, next: string): Promise<void> {
    await this.channels.update({ id, webhookSecret: current }, { webhookSecret: next });
  }

  /** Chat channels that keep a sealed credential, with that credential. */
  async withCredentials(): Promise<{ id: string; credential: string }[]> {
    const rows = await this.channels.find({ select: { id: true, credential: true }, where: { credential: Not(IsNull()) } });
    return rows.map((row) => ({ id: row.id, credential: row.credential! }));
  }

  /** Swaps a credential only if it is still the one read, like replaceSecret. */
  async replaceCredential(id: string, current: string, next: string): Promise<void> {
    await this.channels.update({ id, credential: current }, { credential: next });
  }
}
