import { CorpOptions, DEFAULT_CORP_OPTIONS } from './corp-options';
import { CallRecord } from './entities/call-record';
import { ContactWay } from './entities/contact-way';
import { Customer } from './entities/customer';
import { Delivery } from './entities/delivery';
import { GroupChat } from './entities/group-chat';
import { MassSend } from './entities/mass-send';
import { Department, Member } from './entities/member';
import { AppMessage, Media, WelcomeCode, WelcomeMessage } from './entities/messages';
import { Tag, TagGroup } from './entities/tag';
import { MinuteHourWindow, RateWindow } from './rate-window';
import { RelationshipStore } from './relationship-store';

export interface CallbackConfig {
  url: string;
  token: string;
  encodingAESKey: string;
}

export interface IssuedToken {
  token: string;
  expiresAtMs: number;
}

/** Everything WeCom knows about one corp. Lives in memory only. */
export interface CorpState {
  corpId: string;
  corpSecret: string;
  agentId: number;
  callback?: CallbackConfig;
  options: CorpOptions;
  departments: Map<number, Department>;
  members: Map<string, Member>;
  customers: Map<string, Customer>;
  relationships: RelationshipStore;
  contactWays: Map<string, ContactWay>;
  tagGroups: Map<string, TagGroup>;
  tags: Map<string, Tag>;
  groupChats: Map<string, GroupChat>;
  welcomeCodes: Map<string, WelcomeCode>;
  welcomeMessages: WelcomeMessage[];
  massSends: Map<string, MassSend>;
  /** external_userid → send times (ms) of mass messages received, for the monthly quota. */
  massSendReceipts: Map<string, number[]>;
  appMessages: AppMessage[];
  appMessageWindows: Map<string, MinuteHourWindow>;
  media: Map<string, Media>;
  currentToken?: IssuedToken;
  gettokenWindow: RateWindow;
  apiWindows: Map<string, MinuteHourWindow>;
  calls: CallRecord[];
  deliveries: Delivery[];
}

export function newCorpState(init: {
  corpId: string;
  corpSecret: string;
  agentId: number;
  callback?: CallbackConfig;
  options?: Partial<CorpOptions>;
}): CorpState {
  return {
    corpId: init.corpId,
    corpSecret: init.corpSecret,
    agentId: init.agentId,
    callback: init.callback,
    options: { ...DEFAULT_CORP_OPTIONS, ...(init.options ?? {}) },
    departments: new Map([[1, { id: 1, name: init.corpId, parentid: 0 }]]),
    members: new Map(),
    customers: new Map(),
    relationships: new RelationshipStore(),
    contactWays: new Map(),
    tagGroups: new Map(),
    tags: new Map(),
    groupChats: new Map(),
    welcomeCodes: new Map(),
    welcomeMessages: [],
    massSends: new Map(),
    massSendReceipts: new Map(),
    appMessages: [],
    appMessageWindows: new Map(),
    media: new Map(),
    gettokenWindow: new RateWindow(60_000),
    apiWindows: new Map(),
    calls: [],
    deliveries: [],
  };
}
