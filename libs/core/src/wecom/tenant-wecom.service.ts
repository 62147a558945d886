import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { WeComClient, WeComClientFactory } from '@scrm/wechat-work-sdk';
import { TenantChanged, TENANT_CHANGED } from '../tenant/tenant.events';
import { TenantService } from '../tenant/tenant.service';

/** Raised when work for a tenant that is gone or disabled reaches WeCom code: retrying will not help. */
export class TenantUnavailableError extends Error {
  readonly retryable = false;
  constructor(readonly tenantId: string) {
    super(`tenant ${tenantId} is missing or disabled`);
    this.name = 'TenantUnavailableError';
  }
}

/**
 * How long a built client is reused. Building one reads the tenant row and decrypts three secrets, which the
 * welcome path cannot afford per add. Changes made in this process are seen at once (TENANT_CHANGED); another
 * process sees a disabled tenant or a new secret within this window.
 */
const CLIENT_TTL_MS = 10_000;

/** The WeCom client of one tenant, built from its decrypted settings. The only way domain code reaches WeCom. */
@Injectable()
export class TenantWeCom {
  private readonly clients = new Map<string, { client: WeComClient; expiresAt: number }>();

  constructor(
    private readonly tenants: TenantService,
    private readonly factory: WeComClientFactory,
  ) {}

  async client(tenantId: string): Promise<WeComClient> {
    const cached = this.clients.get(tenantId);
    if (cached && cached.expiresAt > Date.now()) return cached.client;
    const creds = await this.tenants.activeCredentials(tenantId);
    if (!creds) {
      this.clients.delete(tenantId);
      throw new TenantUnavailableError(tenantId);
    }
    const client = this.factory.forTenant({
      tenantKey: tenantId,
      corpId: creds.corpId,
      corpSecret: creds.corpSecret,
      agentId: creds.agentId,
      baseUrl: creds.apiBaseUrl,
    });
    this.clients.set(tenantId, { client, expiresAt: Date.now() + CLIENT_TTL_MS });
    return client;
  }

  @OnEvent(TENANT_CHANGED)
  forget({ tenantId }: TenantChanged): void {
    this.clients.delete(tenantId);
  }
}
