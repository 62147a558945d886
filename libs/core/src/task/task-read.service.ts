import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError } from '@scrm/platform';
import { Between, DataSource, FindOptionsWhere, In, LessThan, LessThanOrEqual, MoreThan, MoreThanOrEqual, Repository } from 'typeorm';
import { Clock } from '../clock/clock';
import { SopVersion } from '../sop/entities/sop-version.entity';
import { SopStep } from '../sop/sop.types';
import { CLOSED_TASK_STATUSES, Task, TaskStatus } from './entities/task.entity';
import { announceProfiles, taskCustomerIds } from './task-customers';

export type TaskState = 'pending' | 'overdue' | 'done';
const OPEN_STATUSES: TaskStatus[] = ['open', 'calling', 'sent'];

export interface TaskFilter {
  state?: TaskState;
  sopId?: string;
  userId?: string;
  stepIndex?: number;
  from?: Date;
  to?: Date;
  page?: number;
  pageSize?: number;
}

export interface TaskTargetRow {
  wecomId: string;
  name: string;
  status: string;
  sentAt: Date | null;
}

export interface TaskDetail {
  task: Task;
  state: TaskState;
  step: SopStep;
  targets: TaskTargetRow[];
}

/**
 * Tasks as people see them: pending (not closed, before its due-by), overdue (not closed, past it), done (closed:
 * done, skipped, expired or failed). Staff see only their own (by WeCom userid); admins see the board.
 */
@Injectable()
export class TaskReadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  private get tasks(): Repository<Task> {
    return this.db.getRepository(Task);
  }

  stateOf(task: Task): TaskState {
    if (CLOSED_TASK_STATUSES.includes(task.status)) return 'done';
    return task.dueBy.getTime() <= this.clock.now().getTime() ? 'overdue' : 'pending';
  }

  async list(tenantId: string, f: TaskFilter): Promise<{ items: Task[]; total: number }> {
    const base: FindOptionsWhere<Task> = { tenantId, ...(f.sopId ? { sopId: f.sopId } : {}), ...(f.userId ? { userId: f.userId } : {}), ...(f.stepIndex !== undefined ? { stepIndex: f.stepIndex } : {}) };
    const now = this.clock.now();
    const byState: Record<TaskState, FindOptionsWhere<Task>> = {
      pending: { status: In(OPEN_STATUSES), dueBy: MoreThan(now) },
      overdue: { status: In(OPEN_STATUSES), dueBy: LessThanOrEqual(now) },
      done: { status: In(CLOSED_TASK_STATUSES) },
    };
    const window = f.from && f.to ? Between(f.from, f.to) : f.from ? MoreThanOrEqual(f.from) : f.to ? LessThan(f.to) : undefined;
    const pageSize = f.pageSize ?? 50;
    const [items, total] = await this.tasks.findAndCount({
      where: { ...base, ...(f.state ? byState[f.state] : {}), ...(window ? { windowAt: window } : {}) },
      order: { windowAt: 'DESC', id: 'ASC' },
      skip: ((f.page ?? 1) - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }

  /** One task with its content and targets; `userId` restricts it to that member's (404 otherwise). */
  async get(tenantId: string, taskId: string, userId?: string): Promise<TaskDetail> {
    const task = await this.tasks.findOne({ where: { tenantId, id: taskId, ...(userId ? { userId } : {}) } });
    if (!task) throw new NotFoundException('Task not found');
    const version = await this.db.getRepository(SopVersion).findOneOrFail({ where: { tenantId, sopId: task.sopId, version: task.sopVersion } });
    const targets = (await this.db.query(
      `SELECT tt.wecom_id, tt.status, tt.sent_at, COALESCE(c.name, g.name, '') AS name
         FROM task_targets tt
         LEFT JOIN customers c ON c.tenant_id = tt.tenant_id AND c.external_user_id = tt.wecom_id
         LEFT JOIN group_chats g ON g.tenant_id = tt.tenant_id AND g.chat_id = tt.wecom_id
        WHERE tt.tenant_id = $1 AND tt.task_id = $2 ORDER BY tt.wecom_id LIMIT 10000`,
      [tenantId, taskId],
    )) as { wecom_id: string; status: string; sent_at: Date | null; name: string }[];
    return {
      task,
      state: this.stateOf(task),
      step: version.definition.steps[task.stepIndex],
      targets: targets.map((t) => ({ wecomId: t.wecom_id, name: t.name, status: t.status, sentAt: t.sent_at })),
    };
  }

  /**
   * A member closes their task by hand. Reminders: done or skipped. Mass sends are done when WeCom reports the member
   * sent them (the poller), so staff may only skip one (its targets then count as unsent); skipping needs a reason.
   */
  async close(tenantId: string, userId: string, taskId: string, outcome: 'done' | 'skipped', reason: string | null): Promise<TaskDetail> {
    if (outcome === 'skipped' && !reason) throw fieldError('reason', 'a reason is required to skip');
    await this.db.transaction(async (m) => {
      const task = await m.findOne(Task, { where: { tenantId, id: taskId, userId }, lock: { mode: 'pessimistic_write' } });
      if (!task) throw new NotFoundException('Task not found');
      if (CLOSED_TASK_STATUSES.includes(task.status)) throw new ConflictException(`The task is already ${task.status}`);
      if (outcome === 'done' && task.delivery === 'mass_send') throw new ConflictException('A mass send is done when you send it in WeCom; you may skip it');
      await m.update(Task, { tenantId, id: taskId }, { status: outcome, note: reason, closedAt: this.clock.now() });
      const targetStatus = outcome === 'done' ? 'sent' : 'unsent';
      await m.query(`UPDATE task_targets SET status = $3 WHERE tenant_id = $1 AND task_id = $2 AND status = 'pending'`, [tenantId, taskId, targetStatus]);
    });
    announceProfiles(this.events, tenantId, await taskCustomerIds(this.db.manager, tenantId, taskId));
    return this.get(tenantId, taskId, userId);
  }
}
