import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateSiteDto } from './dto/create-site.dto';
import { ListSitesQuery } from './dto/list-sites.query';
import { SiteListResponse, SiteResponse } from './dto/site.response';
import { UpdateSiteDto } from './dto/update-site.dto';
import { toSiteListItemResponse, toSiteResponse } from './site.mapper';
import { SitesService } from './sites.service';

const Id = () => Param('id', new ParseUUIDPipe({ version: undefined }));

@ApiTags('sites')
@ApiBearerAuth()
@Controller('api/v1/sites')
export class SitesController {
  constructor(private readonly service: SitesService) {}

  @Post()
  @ApiOperation({ summary: 'Register a site with its hops, DNS resolvers and regions' })
  async create(@Body() dto: CreateSiteDto): Promise<SiteResponse> {
    return toSiteResponse(await this.service.create(dto));
  }

  @Get()
  @ApiOperation({ summary: 'List sites, oldest first; filter by tag and status' })
  async list(@Query() query: ListSitesQuery): Promise<SiteListResponse> {
    const page = await this.service.list(query);
    const { summaries, ...rest } = page;
    return { ...rest, items: page.items.map((site) => toSiteListItemResponse(site, summaries.get(site.id))) };
  }

  @Get(':id')
  async get(@Id() id: string): Promise<SiteResponse> {
    return toSiteResponse(await this.service.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a site; the schedule follows at the next tick. Sending hops replaces the chain.' })
  async update(@Id() id: string, @Body() dto: UpdateSiteDto): Promise<SiteResponse> {
    return toSiteResponse(await this.service.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a site together with its history' })
  async delete(@Id() id: string): Promise<void> {
    await this.service.delete(id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  async pause(@Id() id: string): Promise<SiteResponse> {
    return toSiteResponse(await this.service.setPaused(id, true));
  }

  @Post(':id/resume')
  @HttpCode(200)
  async resume(@Id() id: string): Promise<SiteResponse> {
    return toSiteResponse(await this.service.setPaused(id, false));
  }
}
