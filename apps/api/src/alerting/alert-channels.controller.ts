import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiKeyScope } from '@hopwatch/db';
import { CallerScope } from '../auth/caller-scope';
import { Operation } from '../common/api-docs';
import { PageQuery } from '../common/page.query';
import { AlertChannelsService } from './alert-channels.service';
import { AlertChannelResponse, CreateAlertChannelDto, CreatedAlertChannelResponse, DeliveryListResponse, TestDeliveryResponse } from './dto/alert-channel.dto';

@ApiTags('alert-channels')
@Controller('api/v1/alert-channels')
export class AlertChannelsController {
  constructor(private readonly service: AlertChannelsService) {}

  @Post()
  @Operation({
    summary: 'Create an email, webhook, slack, teams, discord, telegram, pagerduty or ntfy channel; a webhook secret is generated and shown once',
    ok: { status: 201, type: CreatedAlertChannelResponse },
    errors: [400, 413],
    access: 'write',
  })
  create(@Body() dto: CreateAlertChannelDto): Promise<CreatedAlertChannelResponse> {
    return this.service.create(dto);
  }

  @Get()
  @Operation({ summary: 'Every channel; a read key sees webhook URLs without their path and query, which often hold a bearer secret', ok: { type: [AlertChannelResponse] } })
  list(@CallerScope() scope: ApiKeyScope): Promise<AlertChannelResponse[]> {
    return this.service.list(scope);
  }

  @Delete(':id')
  @HttpCode(204)
  @Operation({ summary: 'Delete an alert channel', ok: { status: 204 }, errors: [400, 404], access: 'write' })
  async delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.service.delete(id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @Operation({ summary: "Send a test notice now and answer with its first attempt's outcome", ok: { type: TestDeliveryResponse }, errors: [400, 404], access: 'write' })
  test(@Param('id', ParseUUIDPipe) id: string): Promise<TestDeliveryResponse> {
    return this.service.test(id);
  }

  @Get(':id/deliveries')
  @Operation({ summary: 'The delivery log: event, status, attempts, last error, response status, timestamps', ok: { type: DeliveryListResponse }, errors: [400, 404] })
  deliveries(@Param('id', ParseUUIDPipe) id: string, @Query() query: PageQuery): Promise<DeliveryListResponse> {
    return this.service.deliveriesOf(id, query.limit ?? 50, query.offset ?? 0);
  }
}
