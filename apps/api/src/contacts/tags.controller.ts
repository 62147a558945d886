import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ContactsReadService } from '@scrm/core';
import { READERS, Roles, TenantId } from '@scrm/platform';
import { TagsQueryDto } from './dto/tags.query';
import { TagGroupView } from './views/tag-group.view';

@ApiTags('tags')
@Roles(...READERS)
@Controller('api/v1/tags')
export class TagsController {
  constructor(private readonly read: ContactsReadService) {}

  @Get()
  @ApiOkResponse({ type: [TagGroupView], description: 'the corp tag mirror, groups with their tags' })
  list(@TenantId() tenantId: string, @Query() q: TagsQueryDto): Promise<TagGroupView[]> {
    return this.read.tags<TagGroupView>(tenantId, q.includeDeleted);
  }
}
