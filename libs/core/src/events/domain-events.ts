/**
 * Domain events, emitted with @nestjs/event-emitter after the change that caused them has committed.
 * Later capabilities (channels, welcome, SOP, profiles) subscribe with @OnEvent(DomainEvent.X).
 * Listeners must be idempotent: a replayed inbox event emits its domain events again.
 */
export enum DomainEvent {
  CustomerAdded = 'customer.added',
  CustomerDeleted = 'customer.deleted',
  CustomerEdited = 'customer.edited',
  CustomerTagged = 'customer.tagged',
  CustomerUntagged = 'customer.untagged',
  TransferFailed = 'customer.transfer_failed',
  GroupCreated = 'group.created',
  GroupUpdated = 'group.updated',
  GroupDismissed = 'group.dismissed',
  GroupMemberJoined = 'group.member_joined',
  GroupMemberLeft = 'group.member_left',
  CorpTagsChanged = 'tag.corp_tags_changed',
  /** A full sync of a tenant ended: everything read from WeCom is in the mirror. */
  SyncFinished = 'sync.finished',
  /** Anything on a customer's profile changed (tags, attributes, events): caches of the 360° view drop them. */
  ProfileChanged = 'profile.changed',
  /**
   * Customers gained local tags (manual, bulk, computed, interest) through CustomerTagWriter.set. Corp tags arrive
   * as customer.tagged, per relationship, from WeCom.
   */
  TagsAdded = 'customer.tags_added',
  /** Names, order, categories or role limits of a tenant's tags changed: what every customer's view shows. */
  TagCatalogueChanged = 'tag.catalogue_changed',
}

export interface ProfileChangedPayload {
  tenantId: string;
  customerIds: string[];
}

/** One customer gaining one tag (customers.id, tags.id). */
export interface TagAddition {
  customerId: string;
  tagId: string;
}

export interface TagsAddedPayload {
  tenantId: string;
  additions: TagAddition[];
}

/** A member ↔ customer relationship began (or began again). */
export interface CustomerAddedPayload {
  tenantId: string;
  externalUserId: string;
  userId: string;
  /** The contact-way `state` that brought the customer, when there was one. */
  state: string | null;
  addWay: number | null;
  /** True when this customer was never seen before in this tenant. */
  firstTime: boolean;
  at: Date;
  inboxId: string;
}

/** A relationship ended: `by` says who deleted whom. */
export interface CustomerDeletedPayload {
  tenantId: string;
  externalUserId: string;
  userId: string;
  by: 'member' | 'customer';
  at: Date;
  inboxId: string;
}

/** Tags added to (or removed from) one relationship, with where the change came from. */
export interface CustomerTagsChangedPayload {
  tenantId: string;
  externalUserId: string;
  userId: string;
  tagIds: string[];
  source: 'wecom' | 'channel' | 'sop' | 'admin' | 'sync' | 'bulk';
  at: Date;
}

export interface GroupMembersChangedPayload {
  tenantId: string;
  chatId: string;
  memberIds: string[];
  scene: number | null;
  at: Date;
  inboxId: string;
}

export interface GroupChangedPayload {
  tenantId: string;
  chatId: string;
  change: string;
  at: Date;
  inboxId: string;
}

/** A transfer of the customer to `userId` failed (customer_refused / customer_limit_exceed). */
export interface TransferFailedPayload {
  tenantId: string;
  externalUserId: string;
  userId: string;
  reason: string;
  at: Date;
  inboxId: string;
}

/** The corp tag mirror changed (a WeCom tag event, or a sync). */
export interface CorpTagsChangedPayload {
  tenantId: string;
  change: string;
  id: string | null;
  at: Date;
}

export interface SyncFinishedPayload {
  tenantId: string;
  runId: string;
  at: Date;
}

/** A customer's member or remark fields changed in WeCom. */
export interface CustomerEditedPayload {
  tenantId: string;
  externalUserId: string;
  userId: string;
  at: Date;
  inboxId: string;
}
