import { collectPages } from '../collect-pages';
import { WeComHttp } from '../wecom-http';

export interface ExternalContact {
  external_userid: string;
  name: string;
  position?: string;
  avatar: string;
  corp_name?: string;
  corp_full_name?: string;
  /** 1 WeChat user, 2 WeCom user. */
  type: 1 | 2;
  /** 0 unknown, 1 male, 2 female. */
  gender: 0 | 1 | 2;
  unionid?: string;
}

export interface FollowUserTag {
  group_name: string;
  tag_name: string;
  tag_id?: string;
  /** 1 corp, 2 personal, 3 rule. */
  type: 1 | 2 | 3;
}

export interface FollowUser {
  userid: string;
  remark: string;
  description: string;
  createtime: number;
  tags: FollowUserTag[];
  remark_mobiles: string[];
  oper_userid: string;
  add_way: number;
  state?: string;
}

export interface CustomerDetail {
  external_contact: ExternalContact;
  follow_user: FollowUser[];
}

export interface BatchGetByUserRequest {
  /** ≤100. */
  userid_list: string[];
  cursor?: string;
  /** ≤100. */
  limit?: number;
}

export interface FollowInfo {
  userid: string;
  remark: string;
  createtime: number;
  tag_id: string[];
  add_way: number;
  state?: string;
}

export interface BatchGetByUserResponse {
  external_contact_list: Array<{ external_contact: ExternalContact; follow_info: FollowInfo }>;
  next_cursor?: string;
}

/** Customers: externalcontact/get, batch/get_by_user, list. */
export class CustomersApi {
  constructor(private readonly http: WeComHttp) {}

  /** externalcontact/get, following next_cursor so follow_user is complete (paged past 500). */
  async get(externalUserId: string): Promise<CustomerDetail> {
    let contact: ExternalContact | undefined;
    const followUsers = await collectPages(async (cursor) => {
      const page = await this.getPage(externalUserId, cursor);
      contact ??= page.external_contact;
      return { items: page.follow_user ?? [], nextCursor: page.next_cursor };
    });
    return { external_contact: contact as ExternalContact, follow_user: followUsers };
  }

  /** One page of externalcontact/get. */
  getPage(externalUserId: string, cursor?: string): Promise<CustomerDetail & { next_cursor?: string }> {
    return this.http.request('externalcontact/get', { method: 'GET', query: { external_userid: externalUserId, cursor } });
  }

  batchGetByUser(req: BatchGetByUserRequest): Promise<BatchGetByUserResponse> {
    return this.http.request('externalcontact/batch/get_by_user', { method: 'POST', body: req });
  }

  /** Every page of batch/get_by_user. */
  batchGetAllByUser(req: Omit<BatchGetByUserRequest, 'cursor'>): Promise<BatchGetByUserResponse['external_contact_list']> {
    return collectPages(async (cursor) => {
      const page = await this.batchGetByUser({ ...req, cursor });
      return { items: page.external_contact_list ?? [], nextCursor: page.next_cursor };
    });
  }

  /** externalcontact/list: a member with no customers gets 84061 with [], which is just an empty list. */
  async list(userId: string): Promise<string[]> {
    const res = await this.http.request<{ external_userid?: string[] }>('externalcontact/list', {
      method: 'GET',
      query: { userid: userId },
      acceptErrcodes: [84061],
    });
    return res.external_userid ?? [];
  }
}
