import { WeComApiError } from '../../errors/wecom-api-error';
import { WeComHttp } from '../wecom-http';

export type AppMessageBody =
  | { msgtype: 'text'; text: { content: string } }
  | { msgtype: 'textcard'; textcard: { title: string; description: string; url: string; btntxt?: string } }
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'template_card'; template_card: Record<string, unknown> };

export type SendAppMessageRequest = AppMessageBody & {
  /** "a|b", ≤1000 members. Only explicit members: the per-member limit cannot be kept for @all. */
  touser: string;
  /** Defaults to the tenant's agentId. */
  agentid?: number | string;
  enable_duplicate_check?: 0 | 1;
  duplicate_check_interval?: number;
};

export interface SendAppMessageResponse {
  invaliduser?: string;
  msgid: string;
  response_code?: string;
}

/**
 * message/send to staff. WeCom silently drops more than 30/min or 1,000/hour per member, so every
 * recipient is counted first; an over-limit recipient makes the call wait or throw, never vanish.
 */
export class MessagesApi {
  constructor(private readonly http: WeComHttp) {}

  send(req: SendAppMessageRequest): Promise<SendAppMessageResponse> {
    const recipients = req.touser.split('|').map((u) => u.trim()).filter(Boolean);
    if (recipients.length === 0 || recipients.includes('@all')) {
      throw new WeComApiError({
        errcode: 40058,
        errmsg: 'touser must list members ("a|b"); @all is not allowed',
        api: 'message/send',
        corpId: this.http.corpId,
        local: true,
        hint: 'Choose the staff members to notify; messages to everyone cannot be kept under WeCom\'s per-member limit.',
      });
    }
    const agentid = req.agentid ?? this.http.tenant.agentId;
    return this.http.request('message/send', { method: 'POST', body: { ...req, agentid }, recipients });
  }
}
