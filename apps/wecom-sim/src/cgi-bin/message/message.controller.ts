import { Body, Controller } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Corp } from '../shared/corp.decorator';
import { WecomPost } from '../shared/wecom-post.decorator';
import { MessageService } from './message.service';

@Controller('cgi-bin/message')
export class MessageController {
  constructor(private readonly messages: MessageService) {}

  @WecomPost('send')
  send(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.messages.send(corp, body);
  }
}
