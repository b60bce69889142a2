import { Injectable } from '@nestjs/common';
import { InvalidStatusPage, StatusPageNotFound, StatusPageSlugTaken } from '@hopwatch/domain';
import { SLUG_TAKEN, StatusPageEntity, StatusPageFields, StatusPageRepository } from '@hopwatch/db';
import { CreateStatusPageDto, UpdateStatusPageDto } from './dto/status-page.dto';
import { PublicStatusService } from './public-status.service';

@Injectable()
export class StatusPagesService {
  constructor(
    private readonly pages: StatusPageRepository,
    private readonly publicStatus: PublicStatusService,
  ) {}

  async create(dto: CreateStatusPageDto): Promise<StatusPageEntity> {
    const fields: StatusPageFields = { slug: dto.slug, title: dto.title, description: dto.description ?? null, siteIds: dto.siteIds ?? [], tags: dto.tags ?? [], managedBy: dto.managedBy ?? null };
    await this.assertShowsSomething(fields);
    const created = await this.pages.create(fields);
    if (created === SLUG_TAKEN) throw new StatusPageSlugTaken(fields.slug);
    this.publicStatus.forget(created.slug);
    return created;
  }

  list(): Promise<StatusPageEntity[]> {
    return this.pages.list();
  }

  async get(id: string): Promise<StatusPageEntity> {
    const page = await this.pages.findById(id);
    if (!page) throw new StatusPageNotFound(id);
    return page;
  }

  async update(id: string, dto: UpdateStatusPageDto): Promise<StatusPageEntity> {
    const current = await this.get(id);
    const patch: Partial<StatusPageFields> = { ...dto };
    await this.assertShowsSomething({ siteIds: dto.siteIds ?? current.siteIds, tags: dto.tags ?? current.tags });
    const updated = await this.pages.update(id, patch);
    if (updated === SLUG_TAKEN) throw new StatusPageSlugTaken(dto.slug as string);
    if (!updated) throw new StatusPageNotFound(id);
    this.publicStatus.forget(current.slug);
    this.publicStatus.forget(updated.slug);
    return updated;
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.pages.delete(id);
    if (!deleted) throw new StatusPageNotFound(id);
    this.publicStatus.forget(deleted.slug);
  }

  private async assertShowsSomething(fields: Pick<StatusPageFields, 'siteIds' | 'tags'>): Promise<void> {
    if (fields.siteIds.length === 0 && fields.tags.length === 0) throw new InvalidStatusPage(['siteIds or tags must name at least one site or tag']);
    const missing = await this.pages.missingSiteIds(fields.siteIds);
    if (missing.length > 0) throw new InvalidStatusPage([`siteIds has sites that do not exist: ${missing.join(', ')}`]);
  }
}
