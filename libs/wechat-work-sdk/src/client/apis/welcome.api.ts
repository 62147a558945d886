import { WeComHttp } from '../wecom-http';
import { Attachment, TextContent } from './attachment.types';

export interface SendWelcomeMsgRequest {
  /** From add_external_contact; valid 20 s after the add, usable once. */
  welcome_code: string;
  /** content ≤4000 bytes. text and attachments not both empty. */
  text?: TextContent;
  attachments?: Attachment[];
}

/** externalcontact/send_welcome_msg. 41051 is benign (already chatting); see WeComApiError.benign. */
export class WelcomeApi {
  constructor(private readonly http: WeComHttp) {}

  async send(req: SendWelcomeMsgRequest): Promise<void> {
    await this.http.request('externalcontact/send_welcome_msg', { method: 'POST', body: req });
  }
}
