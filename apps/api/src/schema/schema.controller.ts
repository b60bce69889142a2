import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CONFIG_SCHEMA } from '@hopwatch/domain';
import { Public } from '../auth/public.decorator';
import { Operation } from '../common/api-docs';

@ApiTags('schema')
@Controller('api/v1/schema')
export class SchemaController {
  @Get('config.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @Operation({
    summary: 'The JSON Schema of hopwatch.yaml (config as code), for editors and `hopwatch apply`',
    ok: { schema: { type: 'object', additionalProperties: true, description: 'A JSON Schema (draft 2020-12) document' } },
    access: 'none',
  })
  config(): typeof CONFIG_SCHEMA {
    return CONFIG_SCHEMA;
  }
}
