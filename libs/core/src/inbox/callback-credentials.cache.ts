import { Injectable } from '@nestjs/common';
import { AppConfig } from '@scrm/platform';
import { CallbackConfig } from '@scrm/wechat-work-sdk';
import { TenantService } from '../tenant/tenant.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Unknown ids are cached too (so a flood of them does not hit Postgres); the cap bounds the memory that costs.
const MAX_ENTRIES = 10_000;

/**
 * A tenant's callback settings (token, AES key, receive id), decrypted once and kept briefly in memory:
 * decrypting three secrets per callback would dominate the intake's cost. null = unknown or disabled tenant.
 */
@Injectable()
export class CallbackCredentialsCache {
  private readonly entries = new Map<string, { value: CallbackConfig | null; until: number }>();

  constructor(
    private readonly tenants: TenantService,
    private readonly config: AppConfig,
  ) {}

  async get(tenantId: string): Promise<CallbackConfig | null> {
    if (!UUID.test(tenantId)) return null;
    const hit = this.entries.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.value;
    const creds = await this.tenants.activeCredentials(tenantId);
    const value = creds && { token: creds.callbackToken, encodingAESKey: creds.encodingAesKey, receiveId: creds.corpId };
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tenantId, { value, until: Date.now() + this.config.env.CALLBACK_CREDENTIALS_CACHE_SECONDS * 1000 });
    return value;
  }
}
