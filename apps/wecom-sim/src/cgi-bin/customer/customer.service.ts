import { Injectable } from '@nestjs/common';
import { CorpState } from '../../state/corp-state';
import { Customer, Relationship } from '../../state/entities/customer';
import { Body, num, strList } from '../shared/body';
import { page } from '../shared/cursor';
import { fail } from '../shared/wecom-error';

/** externalcontact/get pages follow_user past this many. */
const FOLLOW_USER_PAGE = 500;

@Injectable()
export class CustomerService {
  get(corp: CorpState, externalUserId: string | undefined, cursor: string | undefined) {
    const customer = externalUserId ? corp.customers.get(externalUserId) : undefined;
    if (!customer) fail(40096, undefined, { follow_user: [] });
    const rels = corp.relationships.ofCustomer(customer.external_userid);
    if (rels.length === 0) fail(84061, undefined, { follow_user: [] });
    const { items, next_cursor } = page(rels, cursor, FOLLOW_USER_PAGE);
    return {
      external_contact: customerWire(customer),
      follow_user: items.map((r) => followUserWire(corp, r)),
      next_cursor,
    };
  }

  batchGetByUser(corp: CorpState, body: Body) {
    const users = strList(body.userid_list) ?? [];
    if (users.length === 0 || users.length > 100) fail(40058, 'userid_list must hold 1..100 userids', { external_contact_list: [] });
    const limit = num(body.limit) ?? 50;
    if (limit < 1 || limit > 100) fail(40058, 'limit must be 1..100', { external_contact_list: [] });
    const rels = users.flatMap((u) => corp.relationships.ofMember(u));
    const { items, next_cursor } = page(rels, body.cursor, limit);
    return {
      external_contact_list: items.map((r) => ({
        external_contact: customerWire(corp.customers.get(r.external_userid)!),
        follow_info: {
          userid: r.userid,
          remark: r.remark,
          description: r.description,
          createtime: r.createtime,
          tag_id: [...r.tagIds],
          remark_mobiles: r.remark_mobiles,
          oper_userid: r.oper_userid,
          add_way: r.add_way,
          ...(r.state ? { state: r.state } : {}),
        },
      })),
      next_cursor,
    };
  }

  /** A member without customers is 84061 with an empty list, not an empty success. */
  list(corp: CorpState, userid: string | undefined) {
    if (!userid || !corp.members.has(userid)) fail(60111, undefined, { external_userid: [] });
    const ids = corp.relationships.ofMember(userid).map((r) => r.external_userid);
    if (ids.length === 0) fail(84061, undefined, { external_userid: [] });
    return { external_userid: ids };
  }

  followUsers(corp: CorpState) {
    return { follow_user: [...corp.members.values()].filter((m) => m.followUser && m.status === 1).map((m) => m.userid) };
  }
}

export function customerWire(c: Customer) {
  return {
    external_userid: c.external_userid,
    name: c.name,
    ...(c.position ? { position: c.position } : {}),
    avatar: c.avatar,
    ...(c.corp_name ? { corp_name: c.corp_name, corp_full_name: c.corp_full_name ?? c.corp_name } : {}),
    type: c.type,
    gender: c.gender,
    ...(c.unionid ? { unionid: c.unionid } : {}),
  };
}

function followUserWire(corp: CorpState, r: Relationship) {
  const tags = [...r.tagIds].flatMap((id) => {
    const tag = corp.tags.get(id);
    const group = tag && corp.tagGroups.get(tag.group_id);
    return tag && group ? [{ group_name: group.group_name, tag_name: tag.name, tag_id: tag.id, type: 1 }] : [];
  });
  return {
    userid: r.userid,
    remark: r.remark,
    description: r.description,
    createtime: r.createtime,
    tags,
    remark_mobiles: r.remark_mobiles,
    oper_userid: r.oper_userid,
    add_way: r.add_way,
    ...(r.state ? { state: r.state } : {}),
  };
}
