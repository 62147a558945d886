import { WelcomeAttachment, WelcomeVariant, WelcomeWindow } from './welcome.types';

/** A rule as the admin defines it (the DTO, already validated for shape). */
export interface WelcomeRuleInput {
  name: string;
  channelId?: string | null;
  userId?: string | null;
  windows?: WelcomeWindow[];
  text?: string | null;
  attachments?: WelcomeAttachment[];
  variants?: WelcomeVariant[];
  enabled?: boolean;
}

/** WeCom's limit for the welcome text, in UTF-8 bytes. */
export const WELCOME_TEXT_MAX_BYTES = 4000;
