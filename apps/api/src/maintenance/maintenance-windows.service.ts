import { Injectable } from '@nestjs/common';
import { MaintenanceWindowRepository } from '@hopwatch/db';
import { InvalidMaintenanceWindow, MaintenanceWindowNotFound } from '@hopwatch/domain';
import { CreateMaintenanceWindowDto, MaintenanceWindowResponse } from './dto/maintenance-window.dto';
import { toMaintenanceWindowResponse } from './maintenance-window.mapper';

@Injectable()
export class MaintenanceWindowsService {
  constructor(private readonly windows: MaintenanceWindowRepository) {}

  async create(dto: CreateMaintenanceWindowDto): Promise<MaintenanceWindowResponse> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const problems = [
      ...(endsAt <= startsAt ? ['endsAt must be after startsAt'] : []),
      ...(!dto.siteIds?.length && !dto.tags?.length ? ['siteIds or tags must name at least one site or tag'] : []),
    ];
    if (problems.length > 0) throw new InvalidMaintenanceWindow(problems);
    const window = await this.windows.create({ name: dto.name, siteIds: dto.siteIds ?? [], tags: dto.tags ?? [], startsAt, endsAt, managedBy: dto.managedBy ?? null });
    return toMaintenanceWindowResponse(window);
  }

  async list(): Promise<MaintenanceWindowResponse[]> {
    return (await this.windows.list()).map(toMaintenanceWindowResponse);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.windows.delete(id))) throw new MaintenanceWindowNotFound(id);
  }
}
