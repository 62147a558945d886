import { WeComHttp } from '../wecom-http';

export interface WeComUser {
  userid: string;
  name: string;
  department: number[];
  position?: string;
  /** 1 active, 2 disabled, 4 not activated, 5 left. */
  status: 1 | 2 | 4 | 5;
}

/** Staff directory: user/get and the members allowed to have customers. */
export class StaffApi {
  constructor(private readonly http: WeComHttp) {}

  getUser(userId: string): Promise<WeComUser> {
    return this.http.request('user/get', { method: 'GET', query: { userid: userId } });
  }

  /** externalcontact/get_follow_user_list: members with customer-contact enabled. */
  async getFollowUserList(): Promise<string[]> {
    const res = await this.http.request<{ follow_user?: string[] }>('externalcontact/get_follow_user_list', { method: 'GET' });
    return res.follow_user ?? [];
  }
}
