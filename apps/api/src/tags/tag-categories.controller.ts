import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TagCategoriesService } from '@scrm/core';
import { READERS, Roles, TenantId, WRITERS } from '@scrm/platform';
import { CreateTagCategoryDto, UpdateTagCategoryDto } from './dto/tag-category.dto';
import { TagCategoryView } from './tag.views';

/** Folders for tag groups, up to three levels deep. */
@ApiTags('tags')
@Controller('api/v1/tag-categories')
export class TagCategoriesController {
  constructor(private readonly categories: TagCategoriesService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [TagCategoryView], description: 'Flat, by depth then name; parentId builds the tree' })
  async list(@TenantId() tenantId: string): Promise<TagCategoryView[]> {
    return (await this.categories.list(tenantId)).map(TagCategoryView.of);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: TagCategoryView })
  @ApiBadRequestResponse({ description: 'parentId unknown, or a fourth level' })
  @ApiConflictResponse({ description: 'name already used under this parent' })
  async create(@TenantId() tenantId: string, @Body() dto: CreateTagCategoryDto): Promise<TagCategoryView> {
    return TagCategoryView.of(await this.categories.create(tenantId, dto));
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: TagCategoryView, description: 'A move carries the subtree, which must still fit in three levels' })
  async update(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTagCategoryDto): Promise<TagCategoryView> {
    return TagCategoryView.of(await this.categories.update(tenantId, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'The category still holds categories or tag groups' })
  async remove(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.categories.remove(tenantId, id);
  }
}
