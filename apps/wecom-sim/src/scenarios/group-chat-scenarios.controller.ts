import { Body, Controller, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { GroupChatDto } from '../corps/dto/group-chat.dto';
import { ChatNoticeDto, ChatOwnerDto, JoinChatDto, LeaveChatDto, RenameChatDto } from './dto/group-chat-change.dto';
import { GroupChatScenarios } from './group-chat-scenarios.service';
import { waitFlag } from './wait-flag';

@ApiTags('scenarios: group chats')
@ApiQuery({ name: 'wait', required: false, description: 'true: answer after the first delivery attempt' })
@Controller('sim/corps/:corpId/scenarios/group-chats')
export class GroupChatScenariosController {
  constructor(private readonly scenarios: GroupChatScenarios) {}

  @Post()
  @ApiOperation({ summary: 'A member creates a customer group chat → change_external_chat create' })
  create(@Param('corpId') corpId: string, @Body() dto: GroupChatDto, @Query('wait') wait?: string) {
    return this.scenarios.create(corpId, dto, waitFlag(wait));
  }

  @Post(':chatId/rename')
  @ApiOperation({ summary: 'update / change_name' })
  rename(@Param('corpId') corpId: string, @Param('chatId') chatId: string, @Body() dto: RenameChatDto, @Query('wait') wait?: string) {
    return this.scenarios.rename(corpId, chatId, dto, waitFlag(wait));
  }

  @Post(':chatId/notice')
  @ApiOperation({ summary: 'update / change_notice' })
  notice(@Param('corpId') corpId: string, @Param('chatId') chatId: string, @Body() dto: ChatNoticeDto, @Query('wait') wait?: string) {
    return this.scenarios.changeNotice(corpId, chatId, dto, waitFlag(wait));
  }

  @Post(':chatId/owner')
  @ApiOperation({ summary: 'update / change_owner' })
  owner(@Param('corpId') corpId: string, @Param('chatId') chatId: string, @Body() dto: ChatOwnerDto, @Query('wait') wait?: string) {
    return this.scenarios.changeOwner(corpId, chatId, dto, waitFlag(wait));
  }

  @Post(':chatId/join')
  @ApiOperation({ summary: 'update / add_member with JoinScene, MemChangeCnt, MemChangeList, LastMemVer, CurMemVer' })
  join(@Param('corpId') corpId: string, @Param('chatId') chatId: string, @Body() dto: JoinChatDto, @Query('wait') wait?: string) {
    return this.scenarios.join(corpId, chatId, dto, waitFlag(wait));
  }

  @Post(':chatId/leave')
  @ApiOperation({ summary: 'update / del_member with QuitScene, MemChangeCnt, MemChangeList, LastMemVer, CurMemVer' })
  leave(@Param('corpId') corpId: string, @Param('chatId') chatId: string, @Body() dto: LeaveChatDto, @Query('wait') wait?: string) {
    return this.scenarios.leave(corpId, chatId, dto, waitFlag(wait));
  }

  @Post(':chatId/dismiss')
  @ApiOperation({ summary: 'change_external_chat dismiss' })
  dismiss(@Param('corpId') corpId: string, @Param('chatId') chatId: string, @Query('wait') wait?: string) {
    return this.scenarios.dismiss(corpId, chatId, waitFlag(wait));
  }
}
