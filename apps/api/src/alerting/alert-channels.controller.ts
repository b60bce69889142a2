import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope } from '@hopwatch/db';
import { CallerScope } from '../auth/caller-scope';
import { PageQuery } from '../common/page.query';
import { AlertChannelsService } from './alert-channels.service';
import { AlertChannelResponse, CreateAlertChannelDto, CreatedAlertChannelResponse, DeliveryListResponse, TestDeliveryResponse } from './dto/alert-channel.dto';

@ApiTags('alert-channels')
@ApiBearerAuth()
@Controller('api/v1/alert-channels')
export class AlertChannelsController {
  constructor(private readonly service: AlertChannelsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an email, webhook, slack, teams, discord, telegram, pagerduty or ntfy channel; a webhook secret is generated and shown once' })
  create(@Body() dto: CreateAlertChannelDto): Promise<CreatedAlertChannelResponse> {
    return this.service.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Every channel; a read key sees webhook URLs without their path and query, which often hold a bearer secret' })
  list(@CallerScope() scope: ApiKeyScope): Promise<AlertChannelResponse[]> {
    return this.service.list(scope);
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.service.delete(id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: "Send a test notice now and answer with its first attempt's outcome" })
  test(@Param('id', ParseUUIDPipe) id: string): Promise<TestDeliveryResponse> {
    return this.service.test(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log: event, status, attempts, last error, response status, timestamps' })
  deliveries(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQuery): Promise<DeliveryListResponse> {
    return this.service.deliveriesOf(id, query.limit ?? 50, query.offset ?? 0);
  }
}
