import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AppConfig } from '@scrm/platform';
import { TenantChanged, TENANT_CHANGED } from './tenant.events';
import { TenantService } from './tenant.service';
import { WeComCredentials } from './wecom-credentials';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Unknown ids are cached too (so a flood of them does not hit Postgres); the cap bounds the memory that costs.
const MAX_ENTRIES = 10_000;

export interface ActiveTenant {
  credentials: WeComCredentials;
  timezone: string;
}

/**
 * What the hot paths need of an active tenant — decrypted WeCom settings and time zone — read and decrypted once,
 * then kept TENANT_CACHE_SECONDS in memory: every callback, WeCom call and add would otherwise pay a query and three
 * decryptions. null = unknown or disabled. Changes made in this process are seen at once (TENANT_CHANGED); other
 * processes see them within the TTL.
 */
@Injectable()
export class ActiveTenantCache {
  private readonly entries = new Map<string, { value: ActiveTenant | null; until: number }>();

  constructor(
    private readonly tenants: TenantService,
    private readonly config: AppConfig,
  ) {}

  async get(tenantId: string): Promise<ActiveTenant | null> {
    if (!UUID.test(tenantId)) return null;
    const hit = this.entries.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.value;
    const tenant = await this.tenants.findActive(tenantId);
    const value = tenant && { credentials: this.tenants.credentialsOf(tenant), timezone: tenant.timezone };
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tenantId, { value, until: Date.now() + this.config.env.TENANT_CACHE_SECONDS * 1000 });
    return value;
  }

  @OnEvent(TENANT_CHANGED)
  forget({ tenantId }: TenantChanged): void {
    this.entries.delete(tenantId);
  }
}
