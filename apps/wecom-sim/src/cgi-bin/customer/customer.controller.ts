import { Body, Controller, Query } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Corp } from '../shared/corp.decorator';
import { WecomGet } from '../shared/wecom-get.decorator';
import { WecomPost } from '../shared/wecom-post.decorator';
import { CustomerService } from './customer.service';

@Controller('cgi-bin/externalcontact')
export class CustomerController {
  constructor(private readonly customers: CustomerService) {}

  @WecomGet('get')
  get(@Corp() corp: CorpState, @Query('external_userid') ext?: string, @Query('cursor') cursor?: string) {
    return this.customers.get(corp, ext, cursor);
  }

  @WecomPost('batch/get_by_user')
  batchGetByUser(@Corp() corp: CorpState, @Body() body: Record<string, unknown>) {
    return this.customers.batchGetByUser(corp, body);
  }

  @WecomGet('list')
  list(@Corp() corp: CorpState, @Query('userid') userid?: string) {
    return this.customers.list(corp, userid);
  }

  @WecomGet('get_follow_user_list')
  followUsers(@Corp() corp: CorpState) {
    return this.customers.followUsers(corp);
  }
}
