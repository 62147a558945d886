import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TenantRepository } from '@scrm/platform';
import { Between, FindOptionsWhere, In, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { InboxEvent, InboxStatus } from './inbox-event.entity';
import { InboxJobs } from './inbox-job';

export interface InboxFilter {
  type?: string;
  status?: InboxStatus;
  from?: Date;
  to?: Date;
}

export interface InboxPage {
  items: InboxEvent[];
  total: number;
  page: number;
  pageSize: number;
}

/** Most rows one replay call puts back in the queue; call again for the rest. */
export const REPLAY_LIMIT = 10_000;

/** What an admin sees of the inbox, and replays. Every call is scoped to the caller's tenant. */
@Injectable()
export class InboxAdminService {
  private readonly rows: TenantRepository<InboxEvent>;

  constructor(
    @InjectRepository(InboxEvent) repo: Repository<InboxEvent>,
    private readonly jobs: InboxJobs,
  ) {
    this.rows = new TenantRepository(repo, 'Inbox event');
  }

  async list(tenantId: string, filter: InboxFilter, page: number, pageSize: number): Promise<InboxPage> {
    const [items, total] = await this.rows.findAndCount(tenantId, {
      where: where(filter),
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total, page, pageSize };
  }

  get(tenantId: string, id: string): Promise<InboxEvent> {
    return this.rows.get(tenantId, { id });
  }

  /** Puts one row back to received and queues it. A row a worker holds right now is refused (409). */
  async replay(tenantId: string, id: string): Promise<InboxEvent> {
    const row = await this.get(tenantId, id);
    if (row.status === 'processing' && row.leaseUntil && row.leaseUntil > new Date()) {
      throw new ConflictException('Inbox event is being processed right now');
    }
    await this.rows.update(tenantId, { id }, { status: 'received', leaseUntil: null });
    await this.jobs.enqueue([{ tenantId, inboxId: id }]);
    return this.get(tenantId, id);
  }

  /** Replays the finished rows (done or failed) that match the filter, oldest first, up to REPLAY_LIMIT. */
  async replayMatching(tenantId: string, filter: InboxFilter): Promise<{ replayed: number }> {
    const finished = filter.status === 'done' || filter.status === 'failed' ? filter.status : In(['done', 'failed']);
    const matching = await this.rows.find(tenantId, {
      where: { ...where(filter), status: finished },
      select: { id: true },
      order: { createdAt: 'ASC' },
      take: REPLAY_LIMIT,
    });
    const ids = matching.map((r) => r.id);
    if (ids.length === 0) return { replayed: 0 };
    const [rows] = await this.rows.repo.query(
      `UPDATE inbox_events SET status = 'received', lease_until = NULL, updated_at = now()
        WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status IN ('done', 'failed') RETURNING id`,
      [tenantId, ids],
    );
    const replayed = (rows as { id: string }[]).map((r) => ({ tenantId, inboxId: r.id }));
    await this.jobs.enqueue(replayed);
    return { replayed: replayed.length };
  }
}

function where(f: InboxFilter): FindOptionsWhere<InboxEvent> {
  const w: FindOptionsWhere<InboxEvent> = {};
  if (f.type) w.type = f.type;
  if (f.status) w.status = f.status;
  if (f.from && f.to) w.createdAt = Between(f.from, f.to);
  else if (f.from) w.createdAt = MoreThanOrEqual(f.from);
  else if (f.to) w.createdAt = LessThanOrEqual(f.to);
  return w;
}
