import { buildXml, XmlValue } from './event-xml';

/** The common head of every event WeCom sends: FromUserName is always "sys". */
function head(corpId: string, createTime: number, event: string): [string, XmlValue][] {
  return [
    ['ToUserName', corpId],
    ['FromUserName', 'sys'],
    ['CreateTime', createTime],
    ['MsgType', 'event'],
    ['Event', event],
  ];
}

export type ContactChangeType =
  | 'add_external_contact'
  | 'add_half_external_contact'
  | 'edit_external_contact'
  | 'del_external_contact'
  | 'del_follow_user'
  | 'transfer_fail';

export function contactEventXml(
  corpId: string,
  createTime: number,
  changeType: ContactChangeType,
  f: { userId: string; externalUserId: string; state?: string; welcomeCode?: string; source?: string; failReason?: string },
): string {
  return buildXml([
    ...head(corpId, createTime, 'change_external_contact'),
    ['ChangeType', changeType],
    ['UserID', f.userId],
    ['ExternalUserID', f.externalUserId],
    ['State', f.state || undefined],
    ['WelcomeCode', f.welcomeCode],
    ['Source', f.source],
    ['FailReason', f.failReason],
  ]);
}

export interface ChatUpdate {
  updateDetail: 'add_member' | 'del_member' | 'change_owner' | 'change_name' | 'change_notice';
  joinScene?: number;
  quitScene?: number;
  memChangeList?: string[];
  lastMemVer?: string;
  curMemVer?: string;
}

export function chatEventXml(corpId: string, createTime: number, chatId: string, changeType: 'create' | 'update' | 'dismiss', u?: ChatUpdate): string {
  return buildXml([
    ...head(corpId, createTime, 'change_external_chat'),
    ['ChatId', chatId],
    ['ChangeType', changeType],
    ['UpdateDetail', u?.updateDetail],
    ['JoinScene', u?.joinScene],
    ['QuitScene', u?.quitScene],
    ['MemChangeCnt', u?.memChangeList ? u.memChangeList.length : undefined],
    ['MemChangeList', u?.memChangeList ? { items: u.memChangeList } : undefined],
    ['LastMemVer', u?.lastMemVer],
    ['CurMemVer', u?.curMemVer],
  ]);
}

/** shuffle has no TagType, and an empty Id means every group was reordered. */
export function tagEventXml(
  corpId: string,
  createTime: number,
  changeType: 'create' | 'update' | 'delete' | 'shuffle',
  id: string,
  tagType?: 'tag' | 'tag_group',
  strategyId?: number,
): string {
  return buildXml([
    ...head(corpId, createTime, 'change_external_tag'),
    ['Id', id],
    ['TagType', changeType === 'shuffle' ? undefined : tagType],
    ['ChangeType', changeType],
    ['StrategyId', strategyId],
  ]);
}
