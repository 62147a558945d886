import { Controller, Query } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Corp } from '../shared/corp.decorator';
import { WecomGet } from '../shared/wecom-get.decorator';
import { UserService } from './user.service';

@Controller('cgi-bin/user')
export class UserController {
  constructor(private readonly users: UserService) {}

  @WecomGet('get')
  get(@Corp() corp: CorpState, @Query('userid') userid?: string) {
    return this.users.get(corp, userid);
  }
}
