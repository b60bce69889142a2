import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs';
import { MaintenanceWindowEntity, MaintenanceWindowRepository } from '@hopwatch/db';
import { fieldErrors } from '../common/field-errors';
import { CreateMaintenanceWindowDto, MaintenanceWindowResponse } from './dto/maintenance-window.dto';

function toResponse(window: MaintenanceWindowEntity): MaintenanceWindowResponse {
  return {
    id: window.id,
    name: window.name,
    siteIds: window.siteIds,
    tags: window.tags,
    startsAt: window.startsAt.toISOString(),
    endsAt: window.endsAt.toISOString(),
    createdAt: window.createdAt.toISOString(),
  };
}

@ApiTags('maintenance-windows')
@Controller('api/v1/maintenance-windows')
export class MaintenanceWindowsController {
  constructor(private readonly windows: MaintenanceWindowRepository) {}

  @Post()
  @Operation({ summary: 'Mute notifications for sites (by id or tag) in a time range; checks go on and incidents are marked', ok: { status: 201, type: MaintenanceWindowResponse }, errors: [400, 413], access: 'write' })
  async create(@Body() dto: CreateMaintenanceWindowDto): Promise<MaintenanceWindowResponse> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    const problems = [
      ...(endsAt <= startsAt ? ['endsAt must be after startsAt'] : []),
      ...(!dto.siteIds?.length && !dto.tags?.length ? ['siteIds or tags must name at least one site or tag'] : []),
    ];
    if (problems.length > 0) throw fieldErrors(problems);
    return toResponse(await this.windows.create({ name: dto.name, siteIds: dto.siteIds ?? [], tags: dto.tags ?? [], startsAt, endsAt }));
  }

  @Get()
  @Operation({ summary: 'List maintenance windows', ok: { type: [MaintenanceWindowResponse] } })
  async list(): Promise<MaintenanceWindowResponse[]> {
    return (await this.windows.list()).map(toResponse);
  }

  @Delete(':id')
  @HttpCode(204)
  @Operation({ summary: 'Delete a maintenance window', ok: { status: 204 }, errors: [400, 404], access: 'write' })
  async delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (!(await this.windows.delete(id))) throw new NotFoundException(`maintenance window ${id} does not exist`);
  }
}
