import { Inject, Injectable, Optional } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  CONTACT_ADD_FIRST_STEP, ContactAddFirstStep, CustomerAddedPayload, CustomerDeletedPayload, DomainEvent, InboxEventMeta,
  TenantWeCom, WeComEventHandler,
} from '@scrm/core';
import { WeComEvent } from '@scrm/wechat-work-sdk';

/** TEMPORARY (deleted when events merges): the smallest add/del handler the channel and welcome work needs. */
@Injectable()
export class TemporaryEventHandler implements WeComEventHandler {
  constructor(
    private readonly wecom: TenantWeCom,
    private readonly events: EventEmitter2,
    @Optional() @Inject(CONTACT_ADD_FIRST_STEP) private readonly firstStep?: ContactAddFirstStep,
  ) {}

  async handle(tenantId: string, event: WeComEvent, meta: InboxEventMeta): Promise<'done' | 'skipped'> {
    const at = new Date((event.createTime ?? Math.floor(Date.now() / 1000)) * 1000);
    if (event.kind === 'add_external_contact' || event.kind === 'add_half_external_contact') {
      const client = await this.wecom.client(tenantId);
      const detail = await client.customers.get(event.externalUserId).catch(() => null);
      await this.firstStep?.beforeAdd(tenantId, event, detail);
      const payload: CustomerAddedPayload = {
        tenantId, externalUserId: event.externalUserId, userId: event.userId, state: event.state ?? null,
        addWay: null, firstTime: true, at, inboxId: meta.inboxId,
      };
      await this.events.emitAsync(DomainEvent.CustomerAdded, payload);
      return 'done';
    }
    if (event.kind === 'del_external_contact' || event.kind === 'del_follow_user') {
      const payload: CustomerDeletedPayload = {
        tenantId, externalUserId: event.externalUserId, userId: event.userId,
        by: event.kind === 'del_external_contact' ? 'member' : 'customer', at, inboxId: meta.inboxId,
      };
      await this.events.emitAsync(DomainEvent.CustomerDeleted, payload);
      return 'done';
    }
    return 'skipped';
  }
}
