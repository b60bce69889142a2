import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs';
import { CheckResultPage, RunNowResponse } from './dto/check-result.response';
import { ListChecksQuery } from './dto/list-checks.query';
import { ChecksService } from './checks.service';

@ApiTags('checks')
@Controller('api/v1/sites/:id')
export class ChecksController {
  constructor(private readonly service: ChecksService) {}

  @Get('checks')
  @Operation({ summary: 'Raw check results, newest first, with cursor pagination', ok: { type: CheckResultPage }, errors: [400, 404] })
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: ListChecksQuery): Promise<CheckResultPage> {
    return this.service.list(id, query);
  }

  @Post('check')
  @HttpCode(200)
  @Operation({ summary: 'Check the site now from each of its regions and return the results', ok: { type: RunNowResponse }, errors: [400, 404], access: 'write' })
  runNow(@Param('id', ParseUUIDPipe) id: string): Promise<RunNowResponse> {
    return this.service.runNow(id);
  }
}
