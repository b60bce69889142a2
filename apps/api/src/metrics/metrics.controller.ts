import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { metricsRegistry } from '@hopwatch/platform';
import { Public } from '../auth/public.decorator';

@ApiTags('metrics')
@Public((config) => config.metricsPublic)
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
