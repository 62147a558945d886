import { Body, Controller } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Corp } from '../shared/corp.decorator';
import { WecomPost } from '../shared/wecom-post.decorator';
import { CorpTagService } from './corp-tag.service';

@Controller('cgi-bin/externalcontact')
export class CorpTagController {
  constructor(private readonly tags: CorpTagService) {}

  @WecomPost('get_corp_tag_list')
  list(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.tags.list(corp, body);
  }

  @WecomPost('add_corp_tag')
  add(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.tags.add(corp, body);
  }

  @WecomPost('edit_corp_tag')
  edit(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.tags.edit(corp, body);
  }

  @WecomPost('del_corp_tag')
  del(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.tags.del(corp, body);
  }

  @WecomPost('mark_tag')
  mark(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.tags.mark(corp, body);
  }
}
