import type { AudienceRule } from '../audience/audience-rule';
import type { GroupFilter, SopStep, SopTargetKind, SopTrigger } from './sop.types';

/** An SOP as the admin defines it (the DTO, already validated for shape). */
export interface SopInput {
  name: string;
  target: SopTargetKind;
  trigger: SopTrigger;
  audience?: AudienceRule | null;
  groupFilter?: GroupFilter | null;
  steps: SopStep[];
}

/** WeCom's mass-send text limit is the welcome's: 4,000 UTF-8 bytes. */
export const SOP_TEXT_MAX_BYTES = 4000;
