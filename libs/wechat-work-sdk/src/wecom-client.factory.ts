import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { WeComClient } from './client/wecom-client';
import { WeComSdkOptionsInput } from './sdk-options';
import { WeComTenantConfig } from './tenant-config';

/**
 * Hands out one WeComClient per tenant, all on the same ioredis connection (never one per client).
 * A tenant whose config changed (e.g. a rotated Secret) gets a fresh client.
 */
export class WeComClientFactory {
  private readonly clients = new Map<string, { fingerprint: string; client: WeComClient }>();

  constructor(
    private readonly redis: Redis,
    private readonly options: WeComSdkOptionsInput = {},
  ) {}

  forTenant(tenant: WeComTenantConfig): WeComClient {
    const tenantKey = tenant.tenantKey ?? tenant.corpId;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([tenant.corpId, tenant.corpSecret, tenant.agentId, tenant.baseUrl, tenant.oauthAuthorizeUrl]))
      .digest('hex');
    const cached = this.clients.get(tenantKey);
    if (cached?.fingerprint === fingerprint) return cached.client;
    const client = new WeComClient({ ...tenant, tenantKey }, this.redis, this.options);
    this.clients.set(tenantKey, { fingerprint, client });
    return client;
  }
}
