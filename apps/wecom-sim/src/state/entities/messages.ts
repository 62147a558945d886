export interface WelcomeCode {
  code: string;
  userid: string;
  external_userid: string;
  issuedAtMs: number;
  used: boolean;
  /** Scenario flag: the customer started chatting before the welcome, so send_welcome_msg answers 41051. */
  alreadyChatting: boolean;
}

export interface WelcomeMessage {
  welcome_code: string;
  userid: string;
  external_userid: string;
  text?: { content: string };
  attachments: unknown[];
  sentAt: number;
}

export interface AppMessage {
  msgid: string;
  userid: string;
  msgtype: string;
  agentid: number;
  body: Record<string, unknown>;
  sentAt: number;
  /** Over the per-member limit: WeCom answers ok and the message vanishes. */
  dropped: boolean;
}

export interface Media {
  media_id: string;
  type: string;
  created_at: number;
  filename: string;
  size: number;
}
