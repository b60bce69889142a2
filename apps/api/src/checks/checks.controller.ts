import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckResultPage, RunNowResponse } from './dto/check-result.response';
import { ListChecksQuery } from './dto/list-checks.query';
import { ChecksService } from './checks.service';

@ApiTags('checks')
@ApiBearerAuth()
@Controller('api/v1/sites/:id')
export class ChecksController {
  constructor(private readonly service: ChecksService) {}

  @Get('checks')
  @ApiOperation({ summary: 'Raw check results, newest first, with cursor pagination' })
  list(@Param('id', ParseUUIDPipe) id: string, @Query() query: ListChecksQuery): Promise<CheckResultPage> {
    return this.service.list(id, query);
  }

  @Post('check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check the site now from each of its regions and return the results' })
  runNow(@Param('id', ParseUUIDPipe) id: string): Promise<RunNowResponse> {
    return this.service.runNow(id);
  }
}
