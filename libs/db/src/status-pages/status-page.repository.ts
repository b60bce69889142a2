import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { StatusPageEntity } from './status-page.entity';

export type StatusPageFields = { slug: string; title: string; description: string | null; siteIds: string[]; tags: string[]; managedBy: string | null };

/** A write that would give two pages the same slug. */
export const SLUG_TAKEN = 'slug-taken';

const UNIQUE_VIOLATION = '23505';

function isSlugClash(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === UNIQUE_VIOLATION;
}

@Injectable()
export class StatusPageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get pages() {
    return this.dataSource.getRepository(StatusPageEntity);
  }

  async create(fields: StatusPageFields): Promise<StatusPageEntity | typeof SLUG_TAKEN> {
    try {
      return await this.pages.save(this.pages.create(fields));
    } catch (error) {
      if (isSlugClash(error)) return SLUG_TAKEN;
      throw error;
    }
  }

  async list(): Promise<StatusPageEntity[]> {
    return this.pages.find({ order: { slug: 'ASC' } });
  }

  async findById(id: string): Promise<StatusPageEntity | null> {
    return this.pages.findOne({ where: { id } });
  }

  /** Null when there is no such page; SLUG_TAKEN when another page has the new slug. */
  async update(id: string, patch: Partial<StatusPageFields>): Promise<StatusPageEntity | null | typeof SLUG_TAKEN> {
    try {
      const result = await this.pages.update({ id }, patch);
      if ((result.affected ?? 0) === 0) return null;
    } catch (error) {
      if (isSlugClash(error)) return SLUG_TAKEN;
      throw error;
    }
    return this.findById(id);
  }

  /** The ids among `siteIds` that name no site. */
  async missingSiteIds(siteIds: string[]): Promise<string[]> {
    if (siteIds.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT wanted.id FROM unnest($1::uuid[]) AS wanted(id) WHERE NOT EXISTS (SELECT 1 FROM sites WHERE sites.id = wanted.id)',
      [siteIds],
    );
    return rows.map((row) => row.id);
  }

  async delete(id: string): Promise<StatusPageEntity | null> {
    const page = await this.findById(id);
    if (page) await this.pages.delete({ id });
    return page;
  }
}
