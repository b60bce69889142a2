import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UptimeQuery, UptimeSeriesQuery } from './dto/uptime.query';
import { UptimeResponse, UptimeSeriesResponse } from './dto/uptime.response';
import { HistoryService } from './history.service';

@ApiTags('history')
@ApiBearerAuth()
@Controller('api/v1/sites/:id/uptime')
export class HistoryController {
  constructor(private readonly service: HistoryService) {}

  @Get()
  @ApiOperation({ summary: 'Uptime, downtime, 5xx/502 counts, latency percentiles and incidents over a window or from/to' })
  uptime(@Param('id', ParseUUIDPipe) id: string, @Query() query: UptimeQuery): Promise<UptimeResponse> {
    return this.service.uptime(id, query);
  }

  @Get('series')
  @ApiOperation({ summary: 'The same figures per time bucket (5m, 1h, 1d) of one target, for charts' })
  series(@Param('id', ParseUUIDPipe) id: string, @Query() query: UptimeSeriesQuery): Promise<UptimeSeriesResponse> {
    return this.service.series(id, query);
  }
}
