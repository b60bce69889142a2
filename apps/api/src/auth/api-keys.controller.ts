import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs';
import { ApiKeyEntity } from '@hopwatch/db';
import { ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse } from './dto/api-key.dto';
import { SignInThrottle } from '../rate-limits/sign-in-throttle.decorator';
import { ApiKeysService } from './api-keys.service';

function toResponse(key: ApiKeyEntity): ApiKeyResponse {
  return {
    id: key.id,
    name: key.name,
    scope: key.scope,
    prefix: key.keyPrefix === '' ? null : key.keyPrefix,
    origin: key.origin,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  };
}

@ApiTags('api-keys')
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly service: ApiKeysService) {}

  @Post()
  @SignInThrottle()
  @Operation({ summary: 'Create a key; the key is returned once and stored only as a hash', ok: { status: 201, type: CreatedApiKeyResponse }, errors: [400, 413], access: 'write' })
  async create(@Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    const { entity, key } = await this.service.create(dto.name, dto.scope);
    return { ...toResponse(entity), key };
  }

  @Get()
  @Operation({ summary: 'List API keys (their first characters, never the keys)', ok: { type: [ApiKeyResponse] } })
  async list(): Promise<ApiKeyResponse[]> {
    return (await this.service.list()).map(toResponse);
  }

  @Delete(':id')
  @HttpCode(204)
  @Operation({ summary: 'Delete an API key; it stops working at once', ok: { status: 204 }, errors: [400, 404], access: 'write' })
  async delete(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.service.delete(id);
  }
}
