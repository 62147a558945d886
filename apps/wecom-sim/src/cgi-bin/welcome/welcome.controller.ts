import { Body, Controller } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Corp } from '../shared/corp.decorator';
import { WecomPost } from '../shared/wecom-post.decorator';
import { WelcomeService } from './welcome.service';

@Controller('cgi-bin/externalcontact')
export class WelcomeController {
  constructor(private readonly welcome: WelcomeService) {}

  @WecomPost('send_welcome_msg')
  send(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.welcome.send(corp, body);
  }
}
