import { Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  AddExternalContactEvent,
  CustomerDetail,
  FollowUser,
  DelExternalContactEvent,
  DelFollowUserEvent,
  EditExternalContactEvent,
  eventDedupeKey,
  ExternalContactEvent,
  TransferFailEvent,
} from '@scrm/wechat-work-sdk';
import { DataSource } from 'typeorm';
import {
  CustomerAddedPayload,
  CustomerDeletedPayload,
  CustomerEditedPayload,
  CustomerTagsChangedPayload,
  DomainEvent,
  TransferFailedPayload,
} from '../../events/domain-events';
import { CONTACT_ADD_FIRST_STEP, ContactAddFirstStep } from '../../inbox/contact-add-first-step';
import { FollowUp, InboxEventMeta } from '../../inbox/wecom-event-handler';
import { TenantWeCom } from '../../wecom/tenant-wecom.service';
import { RelationshipStatus } from '../rules/relationship-status';
import { upsertCustomer } from '../stores/customer.store';
import { dbNow } from '../stores/db-now';
import { PendingEvents } from '../stores/pending-events';
import { addTagLinks, replaceTagLinks } from '../stores/relationship-tags.store';
import { applyRelationshipStatus, knownBefore, lockRelationship } from '../stores/relationship.store';
import { writeTimeline } from '../stores/timeline.store';
import { corpTagIdsOf, eventTime, fetchCustomer, fieldsOfFollow, followOf } from './wecom-details';

/** What an add's welcome step hands to its bookkeeping: the externalcontact/get answer (null: WeCom no longer knows the customer). */
export interface AddCarry {
  detail: CustomerDetail | null;
}

/**
 * change_external_contact: adds, edits, deletes in both directions, failed transfers. An add runs in two steps:
 * the welcome (handle), then its bookkeeping in a lower-priority job (finishAdd), so a burst greets everyone first.
 */
@Injectable()
export class ContactEventHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ContactEventHandler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wecom: TenantWeCom,
    private readonly emitter: EventEmitter2,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(CONTACT_ADD_FIRST_STEP) private firstStep?: ContactAddFirstStep,
  ) {}

  /** Also finds an implementation provided by a module that is not global (or a missed welcome would be silent). */
  onApplicationBootstrap(): void {
    if (this.firstStep) return;
    try {
      this.firstStep = this.moduleRef.get<ContactAddFirstStep>(CONTACT_ADD_FIRST_STEP, { strict: false });
    } catch {
      this.firstStep = undefined; // no welcome module in this process: nothing runs first
    }
  }

  async handle(tenantId: string, event: ExternalContactEvent, meta: InboxEventMeta): Promise<'done' | 'skipped' | FollowUp> {
    switch (event.kind) {
      case 'add_external_contact':
      case 'add_half_external_contact':
        return this.add(tenantId, event, meta);
      case 'edit_external_contact':
        return this.edit(tenantId, event, meta);
      case 'del_external_contact':
        return this.remove(tenantId, event, 'deleted_by_member', meta);
      case 'del_follow_user':
        return this.remove(tenantId, event, 'deleted_by_customer', meta);
      case 'transfer_fail':
        return this.transferFail(tenantId, event, meta);
    }
  }

  private async add(tenantId: string, event: AddExternalContactEvent, meta: InboxEventMeta): Promise<FollowUp> {
    const client = await this.wecom.client(tenantId);
    let detail: CustomerDetail | null = null;
    let fetchError: unknown;
    try {
      detail = await fetchCustomer(client, event.externalUserId);
    } catch (err) {
      fetchError = err;
    }
    // The WelcomeCode dies 20 s after the add: the first step runs before any write of ours, even when the
    // details could not be fetched (a retry would come too late for it). Its own failure is logged, not
    // retried, for the same reason — local state must still land.
    if (this.firstStep) {
      await this.firstStep.beforeAdd(tenantId, event, detail).catch((err: Error) =>
        this.logger.error({ tenantId, inboxId: meta.inboxId, err: err.message }, 'add first step failed'),
      );
    }
    if (fetchError) throw fetchError;
    return { followUp: { carry: { detail } satisfies AddCarry } };
  }

  /** The add's bookkeeping: customer, relationship, tags, timeline, then customer.added (channel stats, SOP, ...). */
  async finishAdd(tenantId: string, event: AddExternalContactEvent, { detail }: AddCarry, meta: InboxEventMeta): Promise<'done'> {
    const at = eventTime(event.createTime);
    const key = { userId: event.userId, externalUserId: event.externalUserId };
    const follow = followOf(detail, event.userId);
    const pending = new PendingEvents();
    await this.db.transaction(async (m) => {
      await upsertCustomer(m, tenantId, event.externalUserId, detail?.external_contact ?? null, at);
      const fields = follow ? fieldsOfFollow(follow) : undefined;
      const change = await applyRelationshipStatus(m, tenantId, key, { status: 'active', at }, fields);
      const firstTime = !(change.previous && change.previous.at < at) && !(await knownBefore(m, tenantId, key, at));
      const state = event.state ?? follow?.state ?? null;
      const addWay = follow?.add_way ?? null;
      // The timeline records the add even when a later delete already landed, so every order ends the same.
      await writeTimeline(m, tenantId, {
        type: DomainEvent.CustomerAdded,
        ...key,
        occurredAt: at,
        data: { state, addWay, half: event.kind === 'add_half_external_contact', firstTime },
        dedupeKey: eventDedupeKey(event),
        inboxId: meta.inboxId,
      });
      if (!change.applied) return; // a later delete is already stored: nothing to announce
      const payload: CustomerAddedPayload = { tenantId, ...key, state, addWay, firstTime, at, inboxId: meta.inboxId };
      pending.add(DomainEvent.CustomerAdded, payload);
      // Add only: tags applied by the first step (channel auto-tagging) are newer than our fetch.
      const added = await addTagLinks(m, tenantId, key, follow ? corpTagIdsOf(follow) : [], 'wecom');
      if (added.length) pending.add(DomainEvent.CustomerTagged, tagsPayload(tenantId, key, added, at));
    });
    await pending.emit(this.emitter);
    return 'done';
  }

  private async edit(tenantId: string, event: EditExternalContactEvent, meta: InboxEventMeta): Promise<'done' | 'skipped'> {
    const client = await this.wecom.client(tenantId);
    const at = eventTime(event.createTime);
    const key = { userId: event.userId, externalUserId: event.externalUserId };
    const pending = new PendingEvents();
    let follow: FollowUser | undefined;
    await this.db.transaction(async (m) => {
      // Edits of one relationship take turns from before the read, so an older read never lands last.
      // Customer row first, then relationship, as every writer does (the other order could deadlock an add).
      await upsertCustomer(m, tenantId, event.externalUserId, null, at);
      await lockRelationship(m, tenantId, key);
      const readAt = await dbNow(m);
      const detail = await fetchCustomer(client, event.externalUserId);
      follow = followOf(detail, event.userId);
      if (detail) await upsertCustomer(m, tenantId, event.externalUserId, detail.external_contact, at);
      if (!follow) return; // deleted since: the delete event will say so
      const fields = fieldsOfFollow(follow);
      // The relationship exists in WeCom now; if its add is still on its way, the add's time marks it.
      await applyRelationshipStatus(m, tenantId, key, { status: 'active', at: fields.addedAt ?? at }, fields);
      const tags = await replaceTagLinks(m, tenantId, key, corpTagIdsOf(follow), 'wecom', readAt);
      await writeTimeline(m, tenantId, {
        type: DomainEvent.CustomerEdited,
        ...key,
        occurredAt: at,
        data: { remark: fields.remark, description: fields.description, tagsAdded: tags.added, tagsRemoved: tags.removed },
        dedupeKey: eventDedupeKey(event),
        inboxId: meta.inboxId,
      });
      pending.add(DomainEvent.CustomerEdited, { tenantId, ...key, at, inboxId: meta.inboxId } satisfies CustomerEditedPayload);
      if (tags.added.length) pending.add(DomainEvent.CustomerTagged, tagsPayload(tenantId, key, tags.added, at));
      if (tags.removed.length) pending.add(DomainEvent.CustomerUntagged, tagsPayload(tenantId, key, tags.removed, at));
    });
    await pending.emit(this.emitter);
    return follow ? 'done' : 'skipped';
  }

  private async remove(
    tenantId: string,
    event: DelExternalContactEvent | DelFollowUserEvent,
    status: RelationshipStatus,
    meta: InboxEventMeta,
  ): Promise<'done' | 'skipped'> {
    const at = eventTime(event.createTime);
    const key = { userId: event.userId, externalUserId: event.externalUserId };
    const by = status === 'deleted_by_member' ? 'member' : 'customer';
    const pending = new PendingEvents();
    const applied = await this.db.transaction(async (m) => {
      // No WeCom call: the customer may be gone for good. The row keeps the delete's time so a late add loses.
      await upsertCustomer(m, tenantId, event.externalUserId, null, at);
      const change = await applyRelationshipStatus(m, tenantId, key, { status, at });
      await writeTimeline(m, tenantId, {
        type: DomainEvent.CustomerDeleted,
        ...key,
        occurredAt: at,
        data: { by, source: event.kind === 'del_external_contact' ? (event.source ?? null) : null },
        dedupeKey: eventDedupeKey(event),
        inboxId: meta.inboxId,
      });
      if (!change.applied) return false; // a later re-add is already stored
      pending.add(DomainEvent.CustomerDeleted, { tenantId, ...key, by, at, inboxId: meta.inboxId } satisfies CustomerDeletedPayload);
      return true;
    });
    await pending.emit(this.emitter);
    return applied ? 'done' : 'skipped';
  }

  private async transferFail(tenantId: string, event: TransferFailEvent, meta: InboxEventMeta): Promise<'done'> {
    const at = eventTime(event.createTime);
    const key = { userId: event.userId, externalUserId: event.externalUserId };
    await this.db.transaction((m) =>
      writeTimeline(m, tenantId, {
        type: DomainEvent.TransferFailed,
        ...key,
        occurredAt: at,
        data: { reason: event.failReason },
        dedupeKey: eventDedupeKey(event),
        inboxId: meta.inboxId,
      }),
    );
    const payload: TransferFailedPayload = { tenantId, ...key, reason: event.failReason, at, inboxId: meta.inboxId };
    await this.emitter.emitAsync(DomainEvent.TransferFailed, payload);
    return 'done';
  }
}

function tagsPayload(tenantId: string, key: { userId: string; externalUserId: string }, tagIds: string[], at: Date): CustomerTagsChangedPayload {
  return { tenantId, ...key, tagIds, source: 'wecom', at };
}
