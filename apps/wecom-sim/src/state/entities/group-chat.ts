export interface GroupChatMember {
  userid: string;
  /** 1 corp member, 2 external contact. */
  type: 1 | 2;
  join_time: number;
  /** 1 invited directly, 2 invited by link, 3 scanned the group QR code. */
  join_scene: number;
  invitor?: { userid: string };
  name: string;
}

export interface GroupChat {
  chat_id: string;
  name: string;
  owner: string;
  create_time: number;
  notice: string;
  members: GroupChatMember[];
  admin_list: { userid: string }[];
  /** 0 normal, 1 owner left, 2 transfer in progress, 3 transfer done (groupchat/list status). */
  status: 0 | 1 | 2 | 3;
  member_version: string;
  dismissed: boolean;
}
