import { Body, Controller } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Corp } from '../shared/corp.decorator';
import { WecomPost } from '../shared/wecom-post.decorator';
import { GroupChatService } from './group-chat.service';

@Controller('cgi-bin/externalcontact/groupchat')
export class GroupChatController {
  constructor(private readonly chats: GroupChatService) {}

  @WecomPost('list')
  list(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.chats.list(corp, body);
  }

  @WecomPost('get')
  get(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.chats.get(corp, body);
  }
}
