import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse, ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiOkResponse, ApiTags,
} from '@nestjs/swagger';
import { TagCatalogueRead, TagGroupsService, TagsService } from '@scrm/core';
import { CurrentPrincipal, READERS, Roles, TenantId, type TenantPrincipal, WRITERS } from '@scrm/platform';
import { ReorderDto } from './dto/reorder.dto';
import { CreateTagDto } from './dto/tag.dto';
import { CreateTagGroupDto, UpdateTagGroupDto } from './dto/tag-group.dto';
import { TagGroupView, TagView } from './tag.views';

const WECOM_REFUSED = 'WeCom refused (corp groups); the message is WeCom’s';

/** Tag groups and the tags in them. Corp groups change in WeCom first, then here. */
@ApiTags('tags')
@Controller('api/v1/tag-groups')
export class TagGroupsController {
  constructor(
    private readonly groups: TagGroupsService,
    private readonly tags: TagsService,
    private readonly read: TagCatalogueRead,
  ) {}

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: TagGroupView })
  @ApiBadRequestResponse({ description: 'Names the field (name over 30 characters for corp, tags empty for corp, categoryId unknown, …)' })
  @ApiForbiddenResponse({ description: 'allowedRoles set by a non-admin' })
  @ApiConflictResponse({ description: 'name already used' })
  @ApiBadGatewayResponse({ description: WECOM_REFUSED })
  async create(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Body() dto: CreateTagGroupDto): Promise<TagGroupView> {
    return TagGroupView.of(await this.groups.create(tenantId, p, dto));
  }

  @Post('reorder')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: [TagGroupView], description: 'The catalogue in its new order' })
  @ApiBadGatewayResponse({ description: WECOM_REFUSED })
  async reorder(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Body() dto: ReorderDto): Promise<TagGroupView[]> {
    return (await this.groups.reorder(tenantId, p, dto.ids)).map(TagGroupView.of);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: TagGroupView })
  async get(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<TagGroupView> {
    return TagGroupView.of(await this.read.group(tenantId, p, id));
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: TagGroupView })
  @ApiForbiddenResponse({ description: 'allowedRoles set by a non-admin' })
  @ApiConflictResponse({ description: 'name already used' })
  @ApiBadGatewayResponse({ description: WECOM_REFUSED })
  async update(
    @TenantId() tenantId: string,
    @CurrentPrincipal() p: TenantPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateTagGroupDto,
  ): Promise<TagGroupView> {
    return TagGroupView.of(await this.groups.update(tenantId, p, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse({ description: 'The group and its tags are flagged deleted and taken off every customer' })
  @ApiBadGatewayResponse({ description: WECOM_REFUSED })
  async remove(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.groups.remove(tenantId, p, id);
  }

  @Post(':id/tags')
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: TagView })
  @ApiConflictResponse({ description: 'name already used in this group' })
  @ApiBadGatewayResponse({ description: WECOM_REFUSED })
  async createTag(
    @TenantId() tenantId: string,
    @CurrentPrincipal() p: TenantPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateTagDto,
  ): Promise<TagView> {
    return TagView.of(await this.tags.create(tenantId, p, id, dto));
  }

  @Post(':id/tags/reorder')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: TagGroupView })
  @ApiBadGatewayResponse({ description: WECOM_REFUSED })
  async reorderTags(
    @TenantId() tenantId: string,
    @CurrentPrincipal() p: TenantPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReorderDto,
  ): Promise<TagGroupView> {
    return TagGroupView.of(await this.tags.reorder(tenantId, p, id, dto.ids));
  }
}
