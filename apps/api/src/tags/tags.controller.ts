import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBadGatewayResponse, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TagCatalogueRead, TagStatsService, TagsService } from '@scrm/core';
import { CurrentPrincipal, READERS, Roles, TenantId, type TenantPrincipal, WRITERS } from '@scrm/platform';
import { ChannelStatsQuery as DayRangeQuery } from '../channels/dto/stats.query';
import { CatalogueQuery } from './dto/catalogue.query';
import { UpdateTagDto } from './dto/tag.dto';
import { TagGroupView, TagStatsView, TagView } from './tag.views';

/** The tag catalogue (every kind) as the caller may see it, and single tags. */
@ApiTags('tags')
@Controller('api/v1/tags')
export class TagsController {
  constructor(
    private readonly read: TagCatalogueRead,
    private readonly tags: TagsService,
    private readonly stats: TagStatsService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [TagGroupView], description: 'Groups (higher order first) with their tags; groups restricted to other roles are absent' })
  async list(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Query() q: CatalogueQuery): Promise<TagGroupView[]> {
    return (await this.read.list(tenantId, p, q)).map(TagGroupView.of);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: TagView })
  async get(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<TagView> {
    return TagView.of(await this.read.tag(tenantId, p, id));
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: TagView })
  @ApiConflictResponse({ description: 'name already used in this group' })
  @ApiBadGatewayResponse({ description: 'WeCom refused (corp tags); the message is WeCom’s' })
  async update(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTagDto): Promise<TagView> {
    return TagView.of(await this.tags.update(tenantId, p, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse({ description: 'Flagged deleted and taken off every customer' })
  @ApiBadGatewayResponse({ description: 'WeCom refused (corp tags); the message is WeCom’s' })
  async remove(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.tags.remove(tenantId, p, id);
  }

  @Get(':id/stats')
  @Roles(...READERS)
  @ApiOkResponse({ type: TagStatsView, description: 'Coverage now and additions per local day' })
  tagStats(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Param('id', ParseUUIDPipe) id: string, @Query() q: DayRangeQuery): Promise<TagStatsView> {
    return this.stats.stats(tenantId, p, id, q);
  }
}
