import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../common/api-docs';
import { CreateSiteDto } from './dto/create-site.dto';
import { ListSitesQuery } from './dto/list-sites.query';
import { SiteListResponse, SiteResponse } from './dto/site.response';
import { UpdateSiteDto } from './dto/update-site.dto';
import { toSiteListItemResponse, toSiteResponse } from './site.mapper';
import { SitesService } from './sites.service';

const Id = () => Param('id', new ParseUUIDPipe({ version: undefined }));

@ApiTags('sites')
@Controller('api/v1/sites')
export class SitesController {
  constructor(private readonly service: SitesService) {}

  @Post()
  @Operation({ summary: 'Register a site with its hops, DNS resolvers and regions', ok: { status: 201, type: SiteResponse }, errors: [400, 413], access: 'write' })
  async create(@Body() dto: CreateSiteDto): Promise<SiteResponse> {
    return toSiteResponse(await this.service.create(dto));
  }

  @Get()
  @Operation({ summary: 'List sites, oldest first; filter by tag and status', ok: { type: SiteListResponse }, errors: [400] })
  async list(@Query() query: ListSitesQuery): Promise<SiteListResponse> {
    const page = await this.service.list(query);
    const { summaries, ...rest } = page;
    return { ...rest, items: page.items.map((site) => toSiteListItemResponse(site, summaries.get(site.id))) };
  }

  @Get(':id')
  @Operation({ summary: 'Read a site with its hops', ok: { type: SiteResponse }, errors: [400, 404] })
  async get(@Id() id: string): Promise<SiteResponse> {
    return toSiteResponse(await this.service.get(id));
  }

  @Patch(':id')
  @Operation({ summary: 'Change a site; the schedule follows at the next tick. Sending hops replaces the chain.', ok: { type: SiteResponse }, errors: [400, 404, 413], access: 'write' })
  async update(@Id() id: string, @Body() dto: UpdateSiteDto): Promise<SiteResponse> {
    return toSiteResponse(await this.service.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Operation({ summary: 'Delete a site together with its history', ok: { status: 204 }, errors: [400, 404], access: 'write' })
  async delete(@Id() id: string): Promise<void> {
    await this.service.delete(id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Operation({ summary: 'Stop checking a site (history is kept)', ok: { type: SiteResponse }, errors: [400, 404], access: 'write' })
  async pause(@Id() id: string): Promise<SiteResponse> {
    return toSiteResponse(await this.service.setPaused(id, true));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Operation({ summary: 'Start checking a paused site again', ok: { type: SiteResponse }, errors: [400, 404], access: 'write' })
  async resume(@Id() id: string): Promise<SiteResponse> {
    return toSiteResponse(await this.service.setPaused(id, false));
  }
}
