import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiKeyEntity, ApiKeyOrigin, ApiKeyScope } from './api-key.entity';

export type NewApiKey = { name: string; scope: ApiKeyScope; keyHash: string; keyPrefix: string; origin: ApiKeyOrigin };

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get keys() {
    return this.dataSource.getRepository(ApiKeyEntity);
  }

  async create(key: NewApiKey): Promise<ApiKeyEntity> {
    return this.keys.save(this.keys.create(key));
  }

  /** Inserts unless a key with the same hash exists; true when it inserted. */
  async createIfAbsent(key: NewApiKey): Promise<boolean> {
    const result = await this.keys.createQueryBuilder().insert().values(key).orIgnore().execute();
    return result.identifiers.filter(Boolean).length > 0;
  }

  /** Inserts the key only while the table is empty; the advisory lock keeps two booting APIs from both doing it. */
  async createIfNoneExist(key: NewApiKey): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['hopwatch:first-api-key']);
      if ((await manager.count(ApiKeyEntity)) > 0) return false;
      await manager.insert(ApiKeyEntity, key);
      return true;
    });
  }

  async list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'ASC' } });
  }

  async findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOne({ where: { keyHash } });
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.keys.update({ id }, { lastUsedAt: at });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.keys.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
