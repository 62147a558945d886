import { Injectable } from '@nestjs/common';
import { WeComClient, WeComClientFactory } from '@scrm/wechat-work-sdk';
import { TenantService } from '../tenant/tenant.service';

/** Raised when work for a tenant that is gone or disabled reaches WeCom code: retrying will not help. */
export class TenantUnavailableError extends Error {
  readonly retryable = false;
  constructor(readonly tenantId: string) {
    super(`tenant ${tenantId} is missing or disabled`);
  }
}

/** The WeCom client of one tenant, built from its decrypted settings. The only way domain code reaches WeCom. */
@Injectable()
export class TenantWeCom {
  constructor(
    private readonly tenants: TenantService,
    private readonly factory: WeComClientFactory,
  ) {}

  async client(tenantId: string): Promise<WeComClient> {
    const creds = await this.tenants.activeCredentials(tenantId);
    if (!creds) throw new TenantUnavailableError(tenantId);
    return this.factory.forTenant({
      tenantKey: tenantId,
      corpId: creds.corpId,
      corpSecret: creds.corpSecret,
      agentId: creds.agentId,
      baseUrl: creds.apiBaseUrl,
    });
  }
}
