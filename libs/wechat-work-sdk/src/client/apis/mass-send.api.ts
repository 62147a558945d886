import { WeComHttp } from '../wecom-http';
import { Attachment, TextContent } from './attachment.types';

export interface AddMsgTemplateRequest {
  chat_type?: 'single' | 'group';
  /** ≤10,000. */
  external_userid?: string[];
  /** ≤2,000. */
  chat_id_list?: string[];
  tag_filter?: { group_list: Array<{ tag_list: string[] }> };
  /** Required for group. */
  sender?: string;
  allow_select?: boolean;
  text?: TextContent;
  attachments?: Attachment[];
}

export interface GroupMsgTask {
  userid: string;
  /** 0 unsent, 2 sent. */
  status: number;
  send_time?: number;
}

export interface GroupMsgSendResult {
  external_userid?: string;
  chat_id?: string;
  userid: string;
  /** 0 unsent, 1 sent, 2 not a friend, 3 the customer's quota was reached. */
  status: 0 | 1 | 2 | 3;
  send_time?: number;
}

export interface GetGroupMsgListV2Request {
  chat_type: 'single' | 'group';
  start_time: number;
  /** At most a month after start_time. */
  end_time: number;
  creator?: string[];
  filter_type?: number;
  /** ≤100. */
  limit?: number;
  cursor?: string;
}

export interface GroupMsg {
  msgid: string;
  creator?: string;
  create_time: number | string;
  create_type?: number;
  text?: TextContent;
  attachments?: Attachment[];
}

/** 群发. Nothing is delivered until the member confirms it in WeCom. */
export class MassSendApi {
  constructor(private readonly http: WeComHttp) {}

  addMsgTemplate(req: AddMsgTemplateRequest): Promise<{ fail_list: string[]; msgid: string }> {
    return this.http.request('externalcontact/add_msg_template', { method: 'POST', body: req });
  }

  getTask(req: { msgid: string; limit?: number; cursor?: string }): Promise<{ task_list: GroupMsgTask[]; next_cursor?: string }> {
    return this.http.request('externalcontact/get_groupmsg_task', { method: 'POST', body: req });
  }

  /** 41063 (asked too soon) is retryable with retryAfterMs. */
  getSendResult(req: { msgid: string; userid: string; limit?: number; cursor?: string }): Promise<{ send_list: GroupMsgSendResult[]; next_cursor?: string }> {
    return this.http.request('externalcontact/get_groupmsg_send_result', { method: 'POST', body: req });
  }

  listV2(req: GetGroupMsgListV2Request): Promise<{ group_msg_list: GroupMsg[]; next_cursor?: string }> {
    return this.http.request('externalcontact/get_groupmsg_list_v2', { method: 'POST', body: req });
  }
}
