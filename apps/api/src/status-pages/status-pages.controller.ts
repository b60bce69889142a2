import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { StatusPageEntity } from '@hopwatch/db';
import { CreateStatusPageDto, StatusPageResponse, UpdateStatusPageDto } from './dto/status-page.dto';
import { StatusPagesService } from './status-pages.service';
import { Operation } from '../common/api-docs';

function toResponse(page: StatusPageEntity): StatusPageResponse {
  return {
    id: page.id,
    slug: page.slug,
    title: page.title,
    description: page.description,
    siteIds: page.siteIds,
    tags: page.tags,
    managedBy: page.managedBy,
    path: `/status/${page.slug}`,
    createdAt: page.createdAt.toISOString(),
    updatedAt: page.updatedAt.toISOString(),
  };
}

const Id = () => Param('id', new ParseUUIDPipe({ version: undefined }));

@ApiTags('status-pages')
@Controller('api/v1/status-pages')
export class StatusPagesController {
  constructor(private readonly service: StatusPagesService) {}

  @Post()
  @Operation({
    summary: 'Create a public status page showing sites by id or by tag; 409 when the slug is taken',
    ok: { status: 201, type: StatusPageResponse },
    errors: [400, 409, 413],
    access: 'write',
  })
  async create(@Body() dto: CreateStatusPageDto): Promise<StatusPageResponse> {
    return toResponse(await this.service.create(dto));
  }

  @Get()
  @Operation({ summary: 'List the status pages', ok: { type: [StatusPageResponse] } })
  async list(): Promise<StatusPageResponse[]> {
    return (await this.service.list()).map(toResponse);
  }

  @Get(':id')
  @Operation({ summary: 'Read a status page', ok: { type: StatusPageResponse }, errors: [400, 404] })
  async get(@Id() id: string): Promise<StatusPageResponse> {
    return toResponse(await this.service.get(id));
  }

  @Patch(':id')
  @Operation({ summary: 'Change a status page; 409 when the new slug is taken', ok: { type: StatusPageResponse }, errors: [400, 404, 409, 413], access: 'write' })
  async update(@Id() id: string, @Body() dto: UpdateStatusPageDto): Promise<StatusPageResponse> {
    return toResponse(await this.service.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Operation({ summary: 'Delete a status page; its public address stops answering', ok: { status: 204 }, errors: [400, 404], access: 'write' })
  async delete(@Id() id: string): Promise<void> {
    await this.service.delete(id);
  }
}
