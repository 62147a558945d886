import type { AddExternalContactEvent, CustomerDetail } from '@scrm/wechat-work-sdk';

/**
 * Work that must run for an add before anything else the add triggers (stats, syncs, SOP): the
 * WelcomeCode dies 20 s after the add. The add handler fetches the customer's details once, calls this,
 * then writes local state. At most one implementation (the welcome module); absent means nothing to do.
 */
export interface ContactAddFirstStep {
  beforeAdd(tenantId: string, event: AddExternalContactEvent, customer: CustomerDetail | null): Promise<void>;
}

export const CONTACT_ADD_FIRST_STEP = Symbol('CONTACT_ADD_FIRST_STEP');
