import { Injectable } from '@nestjs/common';
import { WeComClient, WeComClientFactory } from '@scrm/wechat-work-sdk';
import { ActiveTenantCache } from '../tenant/active-tenant.cache';

/** Raised when work for a tenant that is gone or disabled reaches WeCom code: retrying will not help. */
export class TenantUnavailableError extends Error {
  readonly retryable = false;
  constructor(readonly tenantId: string) {
    super(`tenant ${tenantId} is missing or disabled`);
    this.name = 'TenantUnavailableError';
  }
}

/**
 * The WeCom client of one tenant, built from its decrypted settings. The only way domain code reaches WeCom.
 * Settings come from ActiveTenantCache and the factory keeps one client per tenant, so a call costs neither a
 * query nor a decryption.
 */
@Injectable()
export class TenantWeCom {
  constructor(
    private readonly tenants: ActiveTenantCache,
    private readonly factory: WeComClientFactory,
  ) {}

  async client(tenantId: string): Promise<WeComClient> {
    const tenant = await this.tenants.get(tenantId);
    if (!tenant) throw new TenantUnavailableError(tenantId);
    const { corpId, corpSecret, agentId, apiBaseUrl } = tenant.credentials;
    return this.factory.forTenant({ tenantKey: tenantId, corpId, corpSecret, agentId, baseUrl: apiBaseUrl });
  }
}
