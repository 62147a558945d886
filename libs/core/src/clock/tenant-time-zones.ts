import { Injectable } from '@nestjs/common';
import { ActiveTenantCache } from '../tenant/active-tenant.cache';
import { TenantService } from '../tenant/tenant.service';

/** A tenant's time zone: every add reads it (daily limits, welcome windows), so it comes from ActiveTenantCache. */
@Injectable()
export class TenantTimeZones {
  constructor(
    private readonly active: ActiveTenantCache,
    private readonly tenants: TenantService,
  ) {}

  async zoneOf(tenantId: string): Promise<string> {
    // A disabled tenant is not cached; its stats and previews still need its zone.
    return (await this.active.get(tenantId))?.timezone ?? (await this.tenants.get(tenantId)).timezone;
  }
}
