import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JobName, JobQueue } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { TenantService } from '../tenant/tenant.service';
import { SopClaims } from './sop-claims.service';
import { SopFirings } from './sop-firings.service';
import { isQuiet } from './quiet-hours';

/** An open task untouched this long, or a 'calling' one, has lost its delivery job (Redis flushed, worker died). */
const SWEEP_OPEN_AFTER_MS = 60_000;
const SWEEP_CALLING_AFTER_MS = 5 * 60_000;

export interface TickResult {
  fired: number;
  delivered: number;
  exited: number;
  tasks: number;
  quiet: number;
  requeued: number;
}

/**
 * Every minute: fire due scheduled SOPs, then hand due steps to tasks, tenant by tenant — except for tenants inside
 * their quiet hours, whose steps wait (still due) until the window ends. Delivery jobs are queued after each
 * tenant's batches have committed, keyed by task id; the sweep re-queues tasks whose job was lost.
 */
@Injectable()
export class SopScheduler {
  private readonly logger = new Logger(SopScheduler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tenants: TenantService,
    private readonly firings: SopFirings,
    private readonly claims: SopClaims,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  async tick(): Promise<TickResult> {
    const now = this.clock.now();
    const total: TickResult = { fired: 0, delivered: 0, exited: 0, tasks: 0, quiet: 0, requeued: 0 };
    for (const tenant of await this.tenants.list()) {
      if (tenant.status !== 'active') continue;
      total.requeued += await this.sweep(tenant.id, now);
      total.fired += await this.firings.fireDue(tenant.id, tenant.timezone, now);
      if (isQuiet(tenant, now)) {
        total.quiet++;
        continue;
      }
      const r = await this.claims.claimDue(tenant.id, tenant.timezone, now);
      total.delivered += r.delivered;
      total.exited += r.exited;
      total.tasks += r.tasks.size;
      await this.enqueue(tenant.id, [...r.tasks]);
    }
    if (total.fired || total.delivered || total.exited || total.requeued) this.logger.log(total, 'sop tick');
    return total;
  }

  async enqueue(tenantId: string, taskIds: string[]): Promise<void> {
    if (taskIds.length === 0) return;
    await this.jobs.addBulk(JobName.DeliverSopTask, taskIds.map((taskId) => ({ payload: { tenantId, taskId }, options: { jobId: `task:${taskId}` } })));
  }

  /** Tasks whose delivery job is gone: open ones a minute after their last change, 'calling' ones after five. */
  private async sweep(tenantId: string, now: Date): Promise<number> {
    const rows = (await this.db.query(
      `SELECT id FROM tasks
        WHERE tenant_id = $1 AND ((status = 'open' AND updated_at < $2) OR (status = 'calling' AND calling_at < $3))
        LIMIT 10000`,
      [tenantId, new Date(now.getTime() - SWEEP_OPEN_AFTER_MS), new Date(now.getTime() - SWEEP_CALLING_AFTER_MS)],
    )) as { id: string }[];
    await this.enqueue(tenantId, rows.map((r) => r.id));
    return rows.length;
  }
}
