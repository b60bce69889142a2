import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AlertChannelEntity } from './alert-channel.entity';

export type NewAlertChannel = Pick<AlertChannelEntity, 'name' | 'kind' | 'emailTo' | 'webhookUrl' | 'webhookSecret' | 'isDefault'> & { managedBy?: string | null };

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
}
