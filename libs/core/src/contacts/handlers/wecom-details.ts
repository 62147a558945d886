import { CustomerDetail, FollowInfo, FollowUser, isWeComApiError, WeComClient } from '@scrm/wechat-work-sdk';
import { wecomTime } from '../rules/wecom-time';
import { RelationshipFields } from '../stores/relationship.store';

// 40096: unknown external_userid; 84061: no member has this customer any more.
const GONE = new Set([40096, 84061]);

/** externalcontact/get, or null when WeCom no longer knows the customer (deleted since the event). */
export async function fetchCustomer(client: WeComClient, externalUserId: string): Promise<CustomerDetail | null> {
  try {
    return await client.customers.get(externalUserId);
  } catch (err) {
    if (isWeComApiError(err) && GONE.has(err.errcode)) return null;
    throw err;
  }
}

export function followOf(detail: CustomerDetail | null, userId: string): FollowUser | undefined {
  return detail?.follow_user.find((f) => f.userid === userId);
}

export function fieldsOfFollow(f: FollowUser): RelationshipFields {
  return {
    remark: f.remark ?? '',
    description: f.description ?? '',
    remarkMobiles: f.remark_mobiles ?? [],
    addWay: f.add_way ?? null,
    state: f.state || null,
    operUserId: f.oper_userid || null,
    addedAt: wecomTime(f.createtime),
  };
}

/** batch/get_by_user's follow_info; WeCom sends description, mobiles and oper_userid there too, untyped in the SDK. */
export function fieldsOfFollowInfo(f: FollowInfo & Partial<Pick<FollowUser, 'description' | 'remark_mobiles' | 'oper_userid'>>): RelationshipFields {
  return fieldsOfFollow({ ...f, description: f.description ?? '', remark_mobiles: f.remark_mobiles ?? [], oper_userid: f.oper_userid ?? '', tags: [] });
}

/** Corp tags only: personal and rule tags have no id we can mirror. */
export function corpTagIdsOf(f: FollowUser): string[] {
  return (f.tags ?? []).filter((t) => t.type === 1 && t.tag_id).map((t) => t.tag_id as string);
}

export const eventTime = (createTime: number): Date => new Date(createTime * 1000);
