import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ContactsReadService } from '@scrm/core';
import { READERS, Roles, TenantId } from '@scrm/platform';
import { PageQueryDto } from './dto/page.query';
import { GroupChatDetailView, GroupChatPageView, GroupChatView } from './views/group-chat.view';

@ApiTags('group-chats')
@Roles(...READERS)
@Controller('api/v1/group-chats')
export class GroupChatsController {
  constructor(private readonly read: ContactsReadService) {}

  @Get()
  @ApiOkResponse({ type: GroupChatPageView })
  list(@TenantId() tenantId: string, @Query() q: PageQueryDto): Promise<GroupChatPageView> {
    return this.read.groupChats<GroupChatView>(tenantId, q);
  }

  @Get(':chatId')
  @ApiOkResponse({ type: GroupChatDetailView })
  @ApiNotFoundResponse({ description: 'No such group chat in this tenant' })
  get(@TenantId() tenantId: string, @Param('chatId') chatId: string): Promise<GroupChatDetailView> {
    return this.read.groupChat<GroupChatDetailView>(tenantId, chatId);
  }
}
