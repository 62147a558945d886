import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GroupChatTagsService } from '@scrm/core';
import { READERS, Roles, TenantId, WRITERS } from '@scrm/platform';
import { GroupChatTagsDto, GroupChatTagsView } from './dto/group-chat-tags.dto';

/** Group tags are ours alone (WeCom has none for customer groups); group SOPs select chats by them. */
@ApiTags('sops')
@Controller('api/v1/group-chats/:chatId/tags')
export class GroupChatTagsController {
  constructor(private readonly tags: GroupChatTagsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: GroupChatTagsView })
  async get(@TenantId() tenantId: string, @Param('chatId') chatId: string): Promise<GroupChatTagsView> {
    return { chatId, tagIds: await this.tags.get(tenantId, chatId) };
  }

  @Put()
  @Roles(...WRITERS)
  @ApiOkResponse({ type: GroupChatTagsView })
  async set(@TenantId() tenantId: string, @Param('chatId') chatId: string, @Body() dto: GroupChatTagsDto): Promise<GroupChatTagsView> {
    return { chatId, tagIds: await this.tags.set(tenantId, chatId, dto.tagIds) };
  }
}
