import { ChatUpdateDetail, ExternalChatEvent, RawEvent } from './event-types';
import { int, items, text } from './raw-fields';

// Spreads go last: see parse-contact-event.ts.
type Base = { corpId: string; createTime: number; raw: RawEvent };

const UPDATE_DETAILS: readonly string[] = ['add_member', 'del_member', 'change_owner', 'change_name', 'change_notice'];

/** Event=change_external_chat. Returns a reason string when it cannot be typed. */
export function parseChatEvent(raw: RawEvent, base: Base): ExternalChatEvent | string {
  const changeType = text(raw, 'ChangeType');
  const chatId = text(raw, 'ChatId');
  if (!chatId) return 'change_external_chat without ChatId';
  const common = { event: 'change_external_chat' as const, chatId, ...base };

  switch (changeType) {
    case 'create':
      return { kind: 'chat_create', changeType, ...common };
    case 'dismiss':
      return { kind: 'chat_dismiss', changeType, ...common };
    case 'update': {
      const updateDetail = text(raw, 'UpdateDetail');
      if (!updateDetail || !UPDATE_DETAILS.includes(updateDetail)) {
        return `unknown change_external_chat UpdateDetail ${JSON.stringify(updateDetail)}`;
      }
      return {
        kind: 'chat_update',
        changeType,
        updateDetail: updateDetail as ChatUpdateDetail,
        joinScene: int(raw, 'JoinScene'),
        quitScene: int(raw, 'QuitScene'),
        memChangeCnt: int(raw, 'MemChangeCnt'),
        memChangeList: items(raw, 'MemChangeList'),
        lastMemVer: text(raw, 'LastMemVer'),
        curMemVer: text(raw, 'CurMemVer'),
        ...common,
      };
    }
    default:
      return `unknown change_external_chat ChangeType ${JSON.stringify(changeType)}`;
  }
}
