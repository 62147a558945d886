import { Body, Controller } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Corp } from '../shared/corp.decorator';
import { WecomPost } from '../shared/wecom-post.decorator';
import { MassSendService } from './mass-send.service';

@Controller('cgi-bin/externalcontact')
export class MassSendController {
  constructor(private readonly massSends: MassSendService) {}

  @WecomPost('add_msg_template')
  add(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.massSends.add(corp, body);
  }

  @WecomPost('get_groupmsg_task')
  task(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.massSends.task(corp, body);
  }

  @WecomPost('get_groupmsg_send_result')
  sendResult(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.massSends.sendResult(corp, body);
  }

  @WecomPost('get_groupmsg_list_v2')
  listV2(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.massSends.listV2(corp, body);
  }
}
