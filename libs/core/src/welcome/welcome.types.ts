/** A time window on the tenant's wall clock: the rule applies on these weekdays between start and end. */
export interface WelcomeWindow {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  start: string;
  end: string;
}

/** What the admin defines; media attachments point at a WelcomeMedia row, never at a raw media_id. */
export type WelcomeAttachment =
  | { type: 'image'; mediaAssetId?: string; picUrl?: string }
  | { type: 'link'; title: string; url: string; desc?: string; picUrl?: string }
  | { type: 'miniprogram'; title: string; appId: string; page: string; picMediaAssetId: string }
  | { type: 'video'; mediaAssetId: string }
  | { type: 'file'; mediaAssetId: string };

export interface WelcomeContent {
  text: string | null;
  attachments: WelcomeAttachment[];
}

/** An A/B variant: picked with probability weight / sum of weights; its name is recorded on the outcome. */
export interface WelcomeVariant extends WelcomeContent {
  name: string;
  weight: number;
}

export type WelcomeStatus = 'pending' | 'sent' | 'no_code' | 'no_rule' | 'code_expired' | 'already_chatting' | 'failed';
