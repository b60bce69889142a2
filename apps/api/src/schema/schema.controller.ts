import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CONFIG_SCHEMA } from '@hopwatch/domain';
import { Public } from '../auth/public.decorator';

@ApiTags('schema')
@Controller('api/v1/schema')
export class SchemaController {
  @Get('config.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'The JSON Schema of hopwatch.yaml (config as code), for editors and `hopwatch apply`' })
  config(): typeof CONFIG_SCHEMA {
    return CONFIG_SCHEMA;
  }
}
