import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { Operation } from '../common/api-docs';
import { PublicStatusResponse } from './dto/public-status.response';
import { PublicStatusService } from './public-status.service';

@ApiTags('status-pages')
@Controller('api/v1/public/status-pages')
export class PublicStatusController {
  constructor(private readonly service: PublicStatusService) {}

  @Get(':slug')
  @Public()
  // Browsers and CDNs in front of us may keep it as long as we do.
  @Header('Cache-Control', 'public, max-age=5')
  @Operation({
    summary: 'A status page’s public figures, no key needed; no addresses, hops or error bodies; at most 5 s old',
    ok: { type: PublicStatusResponse },
    errors: [404],
    access: 'none',
  })
  get(@Param('slug') slug: string): Promise<PublicStatusResponse> {
    return this.service.get(slug);
  }
}
