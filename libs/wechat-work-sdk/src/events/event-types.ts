/** The parsed inner XML, all values kept as strings (ids must not lose precision). */
export type RawEvent = Record<string, unknown>;

interface EventBase {
  /** ToUserName: the CorpID. */
  corpId: string;
  /** CreateTime in integer seconds. */
  createTime: number;
  event: string;
  changeType: string;
  raw: RawEvent;
}

// ---- Event=change_external_contact ----

interface ContactEventBase extends EventBase {
  event: 'change_external_contact';
  userId: string;
  externalUserId: string;
}

/** A member added a customer (or, half_add, the customer added a skip-verify member). */
export interface AddExternalContactEvent extends ContactEventBase {
  kind: 'add_external_contact' | 'add_half_external_contact';
  changeType: 'add_external_contact' | 'add_half_external_contact';
  /** The contact way `state` that brought the customer. */
  state?: string;
  /** Valid for 20 s after the add, usable once; absent when WeCom will not let us greet. */
  welcomeCode?: string;
}

export interface EditExternalContactEvent extends ContactEventBase {
  kind: 'edit_external_contact';
  changeType: 'edit_external_contact';
}

export interface DelExternalContactEvent extends ContactEventBase {
  kind: 'del_external_contact';
  changeType: 'del_external_contact';
  /** DELETE_BY_TRANSFER when removed by a staff transfer. */
  source?: string;
}

export interface DelFollowUserEvent extends ContactEventBase {
  kind: 'del_follow_user';
  changeType: 'del_follow_user';
}

export interface TransferFailEvent extends ContactEventBase {
  kind: 'transfer_fail';
  changeType: 'transfer_fail';
  failReason: 'customer_refused' | 'customer_limit_exceed' | string;
}

export type ExternalContactEvent =
  | AddExternalContactEvent
  | EditExternalContactEvent
  | DelExternalContactEvent
  | DelFollowUserEvent
  | TransferFailEvent;

// ---- Event=change_external_chat ----

interface ChatEventBase extends EventBase {
  event: 'change_external_chat';
  chatId: string;
}

export interface ChatCreateEvent extends ChatEventBase {
  kind: 'chat_create';
  changeType: 'create';
}

export type ChatUpdateDetail = 'add_member' | 'del_member' | 'change_owner' | 'change_name' | 'change_notice';

export interface ChatUpdateEvent extends ChatEventBase {
  kind: 'chat_update';
  changeType: 'update';
  updateDetail: ChatUpdateDetail;
  /** 0 invited, 3 scanned the group QR (add_member only). */
  joinScene?: number;
  /** 0 left, 1 removed (del_member only). */
  quitScene?: number;
  memChangeCnt?: number;
  /** Ids of the members who joined or left; [] when none were listed. */
  memChangeList: string[];
  /** If this is not the version we hold, re-read the group. */
  lastMemVer?: string;
  curMemVer?: string;
}

export interface ChatDismissEvent extends ChatEventBase {
  kind: 'chat_dismiss';
  changeType: 'dismiss';
}

export type ExternalChatEvent = ChatCreateEvent | ChatUpdateEvent | ChatDismissEvent;

// ---- Event=change_external_tag ----

export type TagType = 'tag' | 'tag_group';

interface TagEventBase extends EventBase {
  event: 'change_external_tag';
  strategyId?: number;
}

export interface TagChangeEvent extends TagEventBase {
  kind: 'tag_create' | 'tag_update' | 'tag_delete';
  changeType: 'create' | 'update' | 'delete';
  id: string;
  tagType: TagType;
}

export interface TagShuffleEvent extends TagEventBase {
  kind: 'tag_shuffle';
  changeType: 'shuffle';
  /** Absent (empty Id) when all groups were reordered. */
  id?: string;
}

export type ExternalTagEvent = TagChangeEvent | TagShuffleEvent;

// ---- anything else ----

/** Unknown or malformed events are kept, never thrown away. */
export interface UnknownEvent {
  kind: 'unknown';
  /** Why it is unknown, for logs. */
  reason: string;
  event?: string;
  changeType?: string;
  corpId?: string;
  createTime?: number;
  raw: RawEvent;
  /** The inner XML as received; its hash is the dedupe key. */
  xml: string;
}

export type WeComEvent = ExternalContactEvent | ExternalChatEvent | ExternalTagEvent | UnknownEvent;
export type WeComEventKind = WeComEvent['kind'];
