import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { attachHops } from './attach-hops';
import { HopEntity } from './hop.entity';
import { SiteEntity } from './site.entity';
import { HopFields, NewSite, SiteListQuery, SitePatch } from './site.types';

@Injectable()
export class SiteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(site: NewSite): Promise<SiteEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { hops, ...fields } = site;
      await manager.insert(SiteEntity, fields);
      await this.insertHops(manager, site.id, hops);
      return this.load(manager, site.id) as Promise<SiteEntity>;
    });
  }

  async findById(id: string): Promise<SiteEntity | null> {
    return this.load(this.dataSource.manager, id);
  }

  async list(query: SiteListQuery): Promise<{ items: SiteEntity[]; total: number }> {
    const builder = this.dataSource
      .getRepository(SiteEntity)
      .createQueryBuilder('site')
      .orderBy('site.created_at', 'ASC')
      .addOrderBy('site.id', 'ASC')
      .limit(query.limit)
      .offset(query.offset);
    if (query.tags.length > 0) builder.andWhere('site.tags @> :tags', { tags: query.tags });
    if (query.paused !== null) builder.andWhere('site.paused = :paused', { paused: query.paused });
    const [items, total] = await builder.getManyAndCount();
    await attachHops(this.dataSource.manager, items);
    return { items, total };
  }

  async update(id: string, patch: SitePatch): Promise<SiteEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const { hops, ...fields } = patch;
      const existing = await manager.findOne(SiteEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) return null;
      // clock_timestamp(), not the request's time in ms: the scheduler re-reads a chain when this moves (see ScheduleRow).
      await manager.update(SiteEntity, { id }, { ...fields, updatedAt: () => 'clock_timestamp()' });
      if (hops) {
        await manager.delete(HopEntity, { siteId: id });
        await this.insertHops(manager, id, hops);
      }
      return this.load(manager, id);
    });
  }

  /** Deletes the site with its hops; results and incidents are removed by their own foreign keys. */
  async delete(id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(SiteEntity).delete({ id });
    return (result.affected ?? 0) > 0;
  }

  private async insertHops(manager: EntityManager, siteId: string, hops: HopFields[]): Promise<void> {
    if (hops.length === 0) return;
    await manager.insert(HopEntity, hops.map((hop, position) => ({ ...hop, siteId, position })));
  }

  private async load(manager: EntityManager, id: string): Promise<SiteEntity | null> {
    const site = await manager.findOne(SiteEntity, { where: { id } });
    if (site) await attachHops(manager, [site]);
    return site;
  }
}
