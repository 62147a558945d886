import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEvent, GroupMembersChangedPayload, ProfileChangedPayload } from '../events/domain-events';
import { ProfileCache } from './profile-cache';

/**
 * Drops cached 360° views when their customer changes. Runs in whichever process emits the event (api or worker);
 * the cache is in Redis, so every process sees the drop. A failed drop is logged: the view then lives out its TTL.
 */
@Injectable()
export class ProfileInvalidationListener {
  private readonly logger = new Logger(ProfileInvalidationListener.name);

  constructor(
    private readonly cache: ProfileCache,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @OnEvent(DomainEvent.ProfileChanged)
  async profileChanged(p: ProfileChangedPayload): Promise<void> {
    await this.drop(p.tenantId, p.customerIds);
  }

  /** Tag names, order, categories or role limits changed: every view of the tenant may show them. */
  @OnEvent(DomainEvent.TagCatalogueChanged)
  async catalogueChanged(p: { tenantId: string }): Promise<void> {
    await this.cache.dropTenant(p.tenantId).catch((err: Error) => this.logger.warn({ tenantId: p.tenantId, error: err.message }, 'could not drop cached profiles'));
  }

  @OnEvent(DomainEvent.CustomerAdded)
  @OnEvent(DomainEvent.CustomerDeleted)
  @OnEvent(DomainEvent.CustomerEdited)
  @OnEvent(DomainEvent.CustomerTagged)
  @OnEvent(DomainEvent.CustomerUntagged)
  @OnEvent(DomainEvent.TransferFailed)
  async contactChanged(p: { tenantId: string; externalUserId: string }): Promise<void> {
    await this.dropByExternal(p.tenantId, [p.externalUserId]);
  }

  @OnEvent(DomainEvent.GroupMemberJoined)
  @OnEvent(DomainEvent.GroupMemberLeft)
  async groupMembersChanged(p: GroupMembersChangedPayload): Promise<void> {
    await this.dropByExternal(p.tenantId, p.memberIds);
  }

  private async dropByExternal(tenantId: string, externalUserIds: string[]): Promise<void> {
    if (externalUserIds.length === 0) return;
    const rows = (await this.db
      .query(`SELECT id FROM customers WHERE tenant_id = $1 AND external_user_id = ANY($2::text[])`, [tenantId, externalUserIds])
      .catch((err: Error) => (this.logger.warn({ tenantId, error: err.message }, 'could not resolve customers to drop their views'), []))) as Array<{ id: string }>;
    await this.drop(tenantId, rows.map((r) => r.id));
  }

  private async drop(tenantId: string, customerIds: string[]): Promise<void> {
    if (customerIds.length === 0) return;
    await this.cache.drop(tenantId, customerIds).catch((err: Error) => this.logger.warn({ tenantId, error: err.message }, 'could not drop cached profiles'));
  }
}
