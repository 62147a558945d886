import type { SopTargetKind } from '../sop/sop.types';

/** add_msg_template takes ≤10,000 customers or ≤2,000 chats per call: one task is one call. */
export const TARGETS_PER_TASK: Record<SopTargetKind, number> = { customer: 10_000, group: 2_000 };

/** Staff see a task overdue a day after its window. */
export const TASK_DUE_AFTER_MS = 24 * 3600 * 1000;

/** A mass send the member has not confirmed 3 days after we created it is closed as expired (its targets unsent). */
export const MASS_SEND_EXPIRES_AFTER_MS = 3 * 24 * 3600 * 1000;
