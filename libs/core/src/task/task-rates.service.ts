import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface RateRow {
  stepIndex: number;
  userId: string;
  tasks: number;
  tasksDone: number;
  targets: number;
  delivered: number;
  notFriend: number;
  quota: number;
  unsent: number;
  /** done / closed-or-open tasks: how many tasks members completed. */
  completionRate: number;
  /** delivered / targets. */
  deliveryRate: number;
}

/** Completion and delivery rates of one SOP, per step and member, plus the totals per step and overall. */
@Injectable()
export class TaskRatesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async of(tenantId: string, sopId: string): Promise<{ byStepAndMember: RateRow[]; byStep: RateRow[]; total: RateRow }> {
    const rows = (await this.db.query(
      `SELECT t.step_index, t.user_id,
              count(DISTINCT t.id)::int AS tasks,
              count(DISTINCT t.id) FILTER (WHERE t.status = 'done')::int AS tasks_done,
              count(tt.wecom_id)::int AS targets,
              count(tt.wecom_id) FILTER (WHERE tt.status = 'sent')::int AS delivered,
              count(tt.wecom_id) FILTER (WHERE tt.status = 'not_friend')::int AS not_friend,
              count(tt.wecom_id) FILTER (WHERE tt.status = 'quota')::int AS quota,
              count(tt.wecom_id) FILTER (WHERE tt.status = 'unsent')::int AS unsent
         FROM tasks t LEFT JOIN task_targets tt ON tt.tenant_id = t.tenant_id AND tt.task_id = t.id
        WHERE t.tenant_id = $1 AND t.sop_id = $2
        GROUP BY t.step_index, t.user_id ORDER BY t.step_index, t.user_id`,
      [tenantId, sopId],
    )) as Record<string, number | string>[];
    const byStepAndMember = rows.map((r) =>
      withRates({ stepIndex: Number(r.step_index), userId: String(r.user_id), tasks: +r.tasks, tasksDone: +r.tasks_done, targets: +r.targets, delivered: +r.delivered, notFriend: +r.not_friend, quota: +r.quota, unsent: +r.unsent }),
    );
    const steps = [...new Set(byStepAndMember.map((r) => r.stepIndex))];
    const byStep = steps.map((s) => sum(byStepAndMember.filter((r) => r.stepIndex === s), s, '*'));
    return { byStepAndMember, byStep, total: sum(byStepAndMember, -1, '*') };
  }
}

type Counts = Omit<RateRow, 'completionRate' | 'deliveryRate'>;

function withRates(c: Counts): RateRow {
  const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
  return { ...c, completionRate: ratio(c.tasksDone, c.tasks), deliveryRate: ratio(c.delivered, c.targets) };
}

function sum(rows: RateRow[], stepIndex: number, userId: string): RateRow {
  const keys = ['tasks', 'tasksDone', 'targets', 'delivered', 'notFriend', 'quota', 'unsent'] as const;
  const c = Object.fromEntries(keys.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Record<(typeof keys)[number], number>;
  return withRates({ stepIndex, userId, ...c });
}
