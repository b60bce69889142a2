import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SiteOverviewQuery } from './dto/site-overview.query';
import { SiteOverviewResponse } from './dto/site-overview.response';
import { SitesOverviewService } from './sites-overview.service';

/** Registered before SitesController, whose `:id` route would otherwise take `overview` for an id. */
@ApiTags('sites')
@ApiBearerAuth()
@Controller('api/v1/sites/overview')
export class SitesOverviewController {
  constructor(private readonly service: SitesOverviewService) {}

  @Get()
  @ApiOkResponse({ type: SiteOverviewResponse })
  @ApiOperation({ summary: 'The sites page: state, 24 h strip, 24 h and 30 d uptime, p95 latency and the open incident of up to 1,000 sites' })
  page(@Query() query: SiteOverviewQuery): Promise<SiteOverviewResponse> {
    return this.service.page(query);
  }
}
