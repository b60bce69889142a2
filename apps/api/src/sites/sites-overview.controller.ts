import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs';
import { SiteOverviewQuery } from './dto/site-overview.query';
import { SiteOverviewResponse } from './dto/site-overview.response';
import { SitesOverviewService } from './sites-overview.service';

/** Registered before SitesController, whose `:id` route would otherwise take `overview` for an id. */
@ApiTags('sites')
@Controller('api/v1/sites/overview')
export class SitesOverviewController {
  constructor(private readonly service: SitesOverviewService) {}

  @Get()
  @Operation({
    summary: 'The sites page: state, 24 h strip, 24 h and 30 d uptime, p95 latency and the open incident of up to 1,000 sites',
    ok: { type: SiteOverviewResponse },
    errors: [400],
  })
  page(@Query() query: SiteOverviewQuery): Promise<SiteOverviewResponse> {
    return this.service.page(query);
  }
}
