/** send_result statuses: 0 unsent, 1 sent, 2 not a friend, 3 quota reached. */
export type SendStatus = 0 | 1 | 2 | 3;

export interface MassSendTarget {
  userid: string;
  external_userid?: string;
  chat_id?: string;
  status: SendStatus;
  send_time?: number;
}

export interface MassSendTask {
  userid: string;
  /** 0 unsent, 2 sent (confirmed by the member). */
  status: 0 | 2;
  send_time?: number;
}

export interface MassSend {
  msgid: string;
  chat_type: 'single' | 'group';
  creator?: string;
  create_time: number;
  /** Milliseconds by the sim clock, for the "asked too soon" rule. */
  createdAtMs: number;
  text?: { content: string };
  attachments: unknown[];
  fail_list: string[];
  tasks: MassSendTask[];
  targets: MassSendTarget[];
}
