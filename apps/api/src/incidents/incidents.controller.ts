import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IncidentDetailResponse, IncidentListResponse } from './dto/incident.response';
import { ListIncidentsQuery } from './dto/list-incidents.query';
import { IncidentsService } from './incidents.service';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1')
export class IncidentsController {
  constructor(private readonly service: IncidentsService) {}

  @Get('sites/:id/incidents')
  @ApiOperation({ summary: "A site's incidents, newest first" })
  forSite(@Param('id', ParseUUIDPipe) id: string, @Query() query: ListIncidentsQuery): Promise<IncidentListResponse> {
    return this.service.list(id, query);
  }

  @Get('incidents')
  @ApiOperation({ summary: 'Incidents of every site, newest first; ?status=open for the current ones' })
  list(@Query() query: ListIncidentsQuery): Promise<IncidentListResponse> {
    return this.service.list(null, query);
  }

  @Get('incidents/:id')
  @ApiOperation({ summary: 'One incident: diagnosis, next steps, timeline and the check results behind the evidence' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<IncidentDetailResponse> {
    return this.service.get(id);
  }
}
