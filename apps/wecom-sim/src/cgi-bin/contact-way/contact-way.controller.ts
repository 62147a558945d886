import { Body, Controller } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Corp } from '../shared/corp.decorator';
import { WecomPost } from '../shared/wecom-post.decorator';
import { ContactWayService } from './contact-way.service';

@Controller('cgi-bin/externalcontact')
export class ContactWayController {
  constructor(private readonly ways: ContactWayService) {}

  @WecomPost('add_contact_way')
  add(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.ways.add(corp, body);
  }

  @WecomPost('update_contact_way')
  update(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.ways.update(corp, body);
  }

  @WecomPost('get_contact_way')
  get(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.ways.get(corp, body);
  }

  @WecomPost('del_contact_way')
  del(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.ways.del(corp, body);
  }

  @WecomPost('list_contact_way')
  list(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.ways.list(corp, body);
  }
}
