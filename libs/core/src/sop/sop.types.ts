import type { AudienceRule } from '../audience/audience-rule';
import type { WelcomeAttachment } from '../welcome/welcome.types';

export type SopTargetKind = 'customer' | 'group';
export type SopStatus = 'draft' | 'active' | 'paused' | 'archived';

/** Event triggers enrol each target when the event happens; scheduled ones take the audience at each firing. */
export type SopTrigger =
  | { type: 'customer_added'; channelId?: string }
  | { type: 'tag_added'; tagId: string }
  | { type: 'group_joined'; chatId?: string }
  | { type: 'once'; at: string }
  | { type: 'daily'; time: string }
  | { type: 'weekly'; weekdays: number[]; time: string }
  | { type: 'monthly'; days: number[]; time: string }
  | { type: 'cron'; expression: string };

export const EVENT_TRIGGERS = ['customer_added', 'tag_added', 'group_joined'] as const;
export const SCHEDULED_TRIGGERS = ['once', 'daily', 'weekly', 'monthly', 'cron'] as const;
export type SopTriggerType = SopTrigger['type'];

export type OffsetUnit = 'minutes' | 'hours' | 'days';
export type StepDelivery = 'mass_send' | 'reminder';

export interface SopStep {
  /** From enrolment (event triggers) or from the firing (scheduled). */
  offset: { amount: number; unit: OffsetUnit; /** HH:mm tenant local: the step moves to that time of the day the offset lands on (or the next day if passed). */ at?: string };
  delivery: StepDelivery;
  text: string | null;
  attachments: WelcomeAttachment[];
}

/** Group SOPs pick chats by our group tags (any of) and by owner (any of); empty = no restriction. */
export interface GroupFilter {
  tagIds?: string[];
  owners?: string[];
}

/** One immutable version of an SOP: enrolments keep the version they started with. */
export interface SopDefinition {
  target: SopTargetKind;
  trigger: SopTrigger;
  audience: AudienceRule | null;
  groupFilter: GroupFilter | null;
  steps: SopStep[];
}

export function isScheduled(trigger: SopTrigger): boolean {
  return (SCHEDULED_TRIGGERS as readonly string[]).includes(trigger.type);
}
