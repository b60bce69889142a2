import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StatusPageEntity } from '@hopwatch/db';
import { CreateStatusPageDto, StatusPageResponse, UpdateStatusPageDto } from './dto/status-page.dto';
import { StatusPagesService } from './status-pages.service';

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
@ApiBearerAuth()
@Controller('api/v1/status-pages')
export class StatusPagesController {
  constructor(private readonly service: StatusPagesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a public status page showing sites by id or by tag; 409 when the slug is taken' })
  @ApiCreatedResponse({ type: StatusPageResponse })
  async create(@Body() dto: CreateStatusPageDto): Promise<StatusPageResponse> {
    return toResponse(await this.service.create(dto));
  }

  @Get()
  @ApiOkResponse({ type: [StatusPageResponse] })
  async list(): Promise<StatusPageResponse[]> {
    return (await this.service.list()).map(toResponse);
  }

  @Get(':id')
  @ApiOkResponse({ type: StatusPageResponse })
  async get(@Id() id: string): Promise<StatusPageResponse> {
    return toResponse(await this.service.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: StatusPageResponse })
  async update(@Id() id: string, @Body() dto: UpdateStatusPageDto): Promise<StatusPageResponse> {
    return toResponse(await this.service.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(@Id() id: string): Promise<void> {
    await this.service.delete(id);
  }
}
