import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@scrm/platform';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { TenantCreated, TENANT_CREATED } from '../tenant/tenant.events';
import { TenantService } from '../tenant/tenant.service';
import { SyncService } from './sync.service';

/** When full syncs start by themselves: on tenant creation, nightly, and to resume runs whose worker died. */
@Injectable()
export class SyncScheduler {
  private readonly logger = new Logger(SyncScheduler.name);

  constructor(
    private readonly syncs: SyncService,
    private readonly tenants: TenantService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * A new tenant gets its customers, tags and chats at once. TenantService emits without awaiting, so a
   * failure here is logged rather than thrown (it would be an unhandled rejection); the hourly tick starts
   * the first sync of any tenant that never had one.
   */
  @OnEvent(TENANT_CREATED)
  async onTenantCreated(e: TenantCreated): Promise<void> {
    await this.startQuietly(e.tenantId, 'tenant_created').catch(() => undefined);
  }

  /**
   * Runs hourly: starts the nightly sync of tenants whose local hour is SYNC_NIGHTLY_HOUR (and the first sync of
   * any tenant that never had one), and resumes orphaned runs.
   */
  async tick(now = new Date()): Promise<{ started: string[]; resumed: string[] }> {
    const started: string[] = [];
    const neverSynced = new Set(await this.tenantsNeverSynced());
    for (const tenant of await this.tenants.list()) {
      if (tenant.status !== 'active') continue;
      const first = neverSynced.has(tenant.id);
      if (!first && DateTime.fromJSDate(now).setZone(tenant.timezone).hour !== this.config.env.SYNC_NIGHTLY_HOUR) continue;
      // One tenant's failure (logged in startQuietly) must not cost the others their sync, nor the orphans their resume.
      if (await this.startQuietly(tenant.id, first ? 'tenant_created' : 'nightly').catch(() => false)) started.push(tenant.id);
    }
    return { started, resumed: await this.resumeOrphans() };
  }

  /**
   * Running runs whose lease ran out (or that never got one) have lost their job — a crash, a Redis flush.
   * Re-adding the job resumes them from their checkpoint.
   */
  async resumeOrphans(): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT tenant_id, id FROM sync_runs WHERE status = 'running'
         AND (lease_until < now() OR (lease_until IS NULL AND created_at < now() - make_interval(secs => $1)))`,
      [this.config.env.SYNC_LEASE_SECONDS],
    )) as Array<{ tenant_id: string; id: string }>;
    for (const r of rows) await this.syncs.enqueue({ tenantId: r.tenant_id, id: r.id });
    return rows.map((r) => r.id);
  }

  private async tenantsNeverSynced(): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT t.id FROM tenants t WHERE NOT EXISTS (SELECT 1 FROM sync_runs r WHERE r.tenant_id = t.id)`,
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  private async startQuietly(tenantId: string, trigger: 'tenant_created' | 'nightly'): Promise<boolean> {
    try {
      await this.syncs.start(tenantId, trigger);
      return true;
    } catch (err) {
      if (err instanceof ConflictException) return false; // one is running already: that one will do
      this.logger.error({ tenantId, trigger, err: (err as Error).message }, 'could not start a full sync');
      throw err;
    }
  }
}
