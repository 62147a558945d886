import { Injectable } from '@nestjs/common';
import { TenantService } from '../tenant/tenant.service';

const TTL_MS = 60_000;

/**
 * A tenant's time zone, cached a minute per process: every add reads it (daily limits, welcome windows) and it
 * almost never changes, so the welcome path should not pay a query for it each time.
 */
@Injectable()
export class TenantTimeZones {
  private readonly cache = new Map<string, { zone: string; until: number }>();

  constructor(private readonly tenants: TenantService) {}

  async zoneOf(tenantId: string): Promise<string> {
    const hit = this.cache.get(tenantId);
    if (hit && hit.until > Date.now()) return hit.zone;
    const { timezone } = await this.tenants.get(tenantId);
    this.cache.set(tenantId, { zone: timezone, until: Date.now() + TTL_MS });
    return timezone;
  }
}
