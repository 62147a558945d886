import { createHash } from 'node:crypto';
import { WeComEvent } from './event-types';

/**
 * Events carry no MsgId and WeCom re-delivers on a slow or non-200 answer (§3), so the natural key is
 * Event + ChangeType + UserID + ExternalUserID/ChatId/Id + CreateTime (+ UpdateDetail for chats).
 */
export function eventDedupeKey(e: WeComEvent): string {
  if (e.kind === 'unknown') return join('unknown', createHash('sha256').update(e.xml).digest('hex'));
  switch (e.event) {
    case 'change_external_contact':
      return join(e.event, e.changeType, e.corpId, e.userId, e.externalUserId, e.createTime);
    case 'change_external_chat':
      // CurMemVer too: two member changes in one second must not collapse into one.
      return e.kind === 'chat_update'
        ? join(e.event, e.changeType, e.corpId, '', e.chatId, e.createTime, e.updateDetail, e.curMemVer)
        : join(e.event, e.changeType, e.corpId, '', e.chatId, e.createTime);
    case 'change_external_tag':
      return join(e.event, e.changeType, e.corpId, '', e.id, e.createTime, e.kind === 'tag_shuffle' ? '' : e.tagType);
  }
}

function join(...parts: Array<string | number | undefined>): string {
  return parts.map((p) => (p === undefined ? '' : String(p))).join('|');
}
