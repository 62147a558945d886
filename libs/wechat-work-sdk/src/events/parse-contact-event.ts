import { ExternalContactEvent, RawEvent } from './event-types';
import { text } from './raw-fields';

type Base = { corpId: string; createTime: number; raw: RawEvent };

/** Event=change_external_contact. Returns a reason string when it cannot be typed. */
export function parseContactEvent(raw: RawEvent, base: Base): ExternalContactEvent | string {
  const changeType = text(raw, 'ChangeType');
  const userId = text(raw, 'UserID');
  const externalUserId = text(raw, 'ExternalUserID');
  if (!userId || !externalUserId) return 'change_external_contact without UserID or ExternalUserID';
  const common = { ...base, event: 'change_external_contact' as const, userId, externalUserId };

  switch (changeType) {
    case 'add_external_contact':
    case 'add_half_external_contact':
      return {
        ...common,
        kind: changeType,
        changeType,
        state: text(raw, 'State'),
        welcomeCode: text(raw, 'WelcomeCode'),
      };
    case 'edit_external_contact':
      return { ...common, kind: changeType, changeType };
    case 'del_follow_user':
      return { ...common, kind: changeType, changeType };
    case 'del_external_contact':
      return { ...common, kind: changeType, changeType, source: text(raw, 'Source') };
    case 'transfer_fail': {
      const failReason = text(raw, 'FailReason');
      if (!failReason) return 'transfer_fail without FailReason';
      return { ...common, kind: changeType, changeType, failReason };
    }
    default:
      return `unknown change_external_contact ChangeType ${JSON.stringify(changeType)}`;
  }
}
