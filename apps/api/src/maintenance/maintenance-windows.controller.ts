import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateMaintenanceWindowDto, MaintenanceWindowResponse } from './dto/maintenance-window.dto';
import { MaintenanceWindowsService } from './maintenance-windows.service';

@ApiTags('maintenance-windows')
@ApiBearerAuth()
@Controller('api/v1/maintenance-windows')
export class MaintenanceWindowsController {
  constructor(private readonly windows: MaintenanceWindowsService) {}

  @Post()
  @ApiOperation({ summary: 'Mute notifications for sites (by id or tag) in a time range; checks go on and incidents are marked' })
  create(@Body() dto: CreateMaintenanceWindowDto): Promise<MaintenanceWindowResponse> {
    return this.windows.create(dto);
  }

  @Get()
  list(): Promise<MaintenanceWindowResponse[]> {
    return this.windows.list();
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.windows.delete(id);
  }
}
