import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { StepDelivery, SopTargetKind } from '../sop/sop.types';
import { TARGETS_PER_TASK, TASK_DUE_AFTER_MS } from './task-limits';

export interface TaskBucket {
  sopId: string;
  sopVersion: number;
  stepIndex: number;
  delivery: StepDelivery;
  targetKind: SopTargetKind;
  userId: string;
  windowAt: Date;
  /** The scheduler's clock: updated_at follows it, so the sweep (which reads the same clock) judges staleness alike. */
  now: Date;
  targets: { wecomId: string; enrolmentId: string }[];
}

/**
 * Adds a (member, step, window) bucket of targets to tasks inside the caller's transaction: first into the
 * bucket's newest chunk while it is still open (no WeCom call made) and has room, then into new chunks of at most
 * TARGETS_PER_TASK. The row lock on the chunk serialises this with the delivery job that closes it.
 * Records each (enrolment, step) in sop_deliveries: a second hand-over of the same step violates its key.
 */
@Injectable()
export class TaskWriter {
  async add(m: EntityManager, tenantId: string, b: TaskBucket): Promise<string[]> {
    const cap = TARGETS_PER_TASK[b.targetKind];
    const touched: string[] = [];
    let rest = b.targets;
    while (rest.length > 0) {
      const { id, room } = await this.openChunk(m, tenantId, b, cap);
      const take = rest.slice(0, room);
      rest = rest.slice(room);
      // Two firings of one SOP due in one window may name a customer twice: they get the message once.
      const inserted = (await m.query(
        `INSERT INTO task_targets (tenant_id, task_id, wecom_id, enrolment_id, status)
         SELECT $1, $2, w, e, 'pending' FROM unnest($3::varchar[], $4::uuid[]) AS x(w, e)
         ON CONFLICT (tenant_id, task_id, wecom_id) DO NOTHING RETURNING 1`,
        [tenantId, id, take.map((t) => t.wecomId), take.map((t) => t.enrolmentId)],
      )) as unknown[];
      await m.query(
        `INSERT INTO sop_deliveries (tenant_id, enrolment_id, step_index, task_id) SELECT $1, e, $2, $3 FROM unnest($4::uuid[]) AS x(e)`,
        [tenantId, b.stepIndex, id, take.map((t) => t.enrolmentId)],
      );
      await m.query(
        `UPDATE tasks SET target_count = target_count + $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2`,
        [tenantId, id, inserted.length, b.now],
      );
      touched.push(id);
    }
    return touched;
  }

  private async openChunk(m: EntityManager, tenantId: string, b: TaskBucket, cap: number): Promise<{ id: string; room: number }> {
    for (;;) {
      const [last] = (await m.query(
        `SELECT id, chunk, status, target_count FROM tasks
          WHERE tenant_id = $1 AND sop_id = $2 AND sop_version = $3 AND step_index = $4 AND user_id = $5 AND window_at = $6
          ORDER BY chunk DESC LIMIT 1 FOR UPDATE`,
        [tenantId, b.sopId, b.sopVersion, b.stepIndex, b.userId, b.windowAt],
      )) as { id: string; chunk: number; status: string; target_count: number }[];
      if (last && last.status === 'open' && last.target_count < cap) return { id: last.id, room: cap - last.target_count };
      const [created] = (await m.query(
        `INSERT INTO tasks (tenant_id, sop_id, sop_version, step_index, delivery, target_kind, user_id, window_at, chunk, due_by, status, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11)
         ON CONFLICT (tenant_id, sop_id, sop_version, step_index, user_id, window_at, chunk) DO NOTHING RETURNING id`,
        [tenantId, b.sopId, b.sopVersion, b.stepIndex, b.delivery, b.targetKind, b.userId, b.windowAt, last ? last.chunk + 1 : 0, new Date(b.windowAt.getTime() + TASK_DUE_AFTER_MS), b.now],
      )) as { id: string }[];
      // Another worker made that chunk a moment ago: look again.
      if (created) return { id: created.id, room: cap };
    }
  }
}
