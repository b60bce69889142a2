import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs';
import { CreateMaintenanceWindowDto, MaintenanceWindowResponse } from './dto/maintenance-window.dto';
import { MaintenanceWindowsService } from './maintenance-windows.service';

@ApiTags('maintenance-windows')
@Controller('api/v1/maintenance-windows')
export class MaintenanceWindowsController {
  constructor(private readonly windows: MaintenanceWindowsService) {}

  @Post()
  @Operation({ summary: 'Mute notifications for sites (by id or tag) in a time range; checks go on and incidents are marked', ok: { status: 201, type: MaintenanceWindowResponse }, errors: [400, 413], access: 'write' })
  create(@Body() dto: CreateMaintenanceWindowDto): Promise<MaintenanceWindowResponse> {
    return this.windows.create(dto);
  }

  @Get()
  @Operation({ summary: 'List maintenance windows', ok: { type: [MaintenanceWindowResponse] } })
  list(): Promise<MaintenanceWindowResponse[]> {
    return this.windows.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @Operation({ summary: 'Delete a maintenance window', ok: { status: 204 }, errors: [400, 404], access: 'write' })
  delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.windows.delete(id);
  }
}
