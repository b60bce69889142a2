import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs';
import { metricsRegistry } from '@hopwatch/platform';
import { Public } from '../auth/public.decorator';

@ApiTags('metrics')
@Public((config) => config.metricsPublic)
@Controller('metrics')
export class MetricsController {
  @Get()
  @Operation({
    summary: 'Prometheus metrics in the text exposition format',
    description: 'Needs no key when HOPWATCH_METRICS_PUBLIC allows it (by default only while the API listens on loopback).',
    ok: { text: true },
    access: 'optional',
  })
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
