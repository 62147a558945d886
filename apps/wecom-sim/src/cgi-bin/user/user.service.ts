import { Injectable } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { fail } from '../shared/wecom-error';

@Injectable()
export class UserService {
  get(corp: CorpState, userid: string | undefined) {
    const m = userid ? corp.members.get(userid) : undefined;
    if (!m) fail(60111);
    return { userid: m.userid, name: m.name, department: m.department, position: m.position, status: m.status };
  }
}
