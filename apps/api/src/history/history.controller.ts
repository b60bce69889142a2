import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs';
import { UptimeQuery, UptimeSeriesQuery } from './dto/uptime.query';
import { UptimeResponse, UptimeSeriesResponse } from './dto/uptime.response';
import { HistoryService } from './history.service';

@ApiTags('history')
@Controller('api/v1/sites/:id/uptime')
export class HistoryController {
  constructor(private readonly service: HistoryService) {}

  @Get()
  @Operation({ summary: 'Uptime, downtime, 5xx/502 counts, latency percentiles and incidents over a window or from/to', ok: { type: UptimeResponse }, errors: [400, 404] })
  uptime(@Param('id', ParseUUIDPipe) id: string, @Query() query: UptimeQuery): Promise<UptimeResponse> {
    return this.service.uptime(id, query);
  }

  @Get('series')
  @Operation({ summary: 'The same figures per time bucket (5m, 1h, 1d) of one target, for charts', ok: { type: UptimeSeriesResponse }, errors: [400, 404] })
  series(@Param('id', ParseUUIDPipe) id: string, @Query() query: UptimeSeriesQuery): Promise<UptimeSeriesResponse> {
    return this.service.series(id, query);
  }
}
