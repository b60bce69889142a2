import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs';
import { IncidentDetailResponse, IncidentListResponse } from './dto/incident.response';
import { ListIncidentsQuery } from './dto/list-incidents.query';
import { IncidentsService } from './incidents.service';

@ApiTags('incidents')
@Controller('api/v1')
export class IncidentsController {
  constructor(private readonly service: IncidentsService) {}

  @Get('sites/:id/incidents')
  @Operation({ summary: "A site's incidents, newest first", ok: { type: IncidentListResponse }, errors: [400, 404] })
  forSite(@Param('id', ParseUUIDPipe) id: string, @Query() query: ListIncidentsQuery): Promise<IncidentListResponse> {
    return this.service.list(id, query);
  }

  @Get('incidents')
  @Operation({ summary: 'Incidents of every site, newest first; ?status=open for the current ones', ok: { type: IncidentListResponse }, errors: [400] })
  list(@Query() query: ListIncidentsQuery): Promise<IncidentListResponse> {
    return this.service.list(null, query);
  }

  @Get('incidents/:id')
  @Operation({ summary: 'One incident: diagnosis, next steps, timeline and the check results behind the evidence', ok: { type: IncidentDetailResponse }, errors: [400, 404] })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<IncidentDetailResponse> {
    return this.service.get(id);
  }
}
