import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TaskBucket, TaskWriter } from '../task/task-writer';
import { SopAudience } from './sop-audience';
import { SopProfileSection } from './sop-profile.section';
import { stepDueAt } from './sop-schedule';
import { SopService } from './sop.service';
import { SopDefinition } from './sop.types';

interface DueRow {
  id: string;
  sop_id: string;
  version: number;
  target_kind: 'customer' | 'group';
  target_id: string;
  wecom_id: string;
  user_id: string | null;
  anchor_at: Date;
  next_step: number;
}

export const CLAIM_BATCH = 5_000;

/**
 * The scheduler's core: claims due enrolments of one tenant in batches (FOR UPDATE SKIP LOCKED, so any number of
 * workers share them), re-checks each target (still in the audience, still reachable, who sends), puts it into
 * its (member, step, window) task and moves the enrolment to its next step — all in one transaction per batch.
 * Returns the tasks touched; their delivery jobs are queued by the caller after commit.
 */
@Injectable()
export class SopClaims {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sops: SopService,
    private readonly audience: SopAudience,
    private readonly tasks: TaskWriter,
    private readonly profiles: SopProfileSection,
  ) {}

  async claimDue(tenantId: string, timeZone: string, now: Date, batch = CLAIM_BATCH): Promise<{ tasks: Set<string>; delivered: number; exited: number }> {
    const tasks = new Set<string>();
    let delivered = 0;
    let exited = 0;
    for (;;) {
      const result = await this.db.transaction(async (m) => {
        const rows = (await m.query(
          `SELECT e.id, e.sop_id, e.version, e.target_kind, e.target_id, e.wecom_id, e.user_id, e.anchor_at, e.next_step
             FROM sop_enrolments e
             JOIN sops s ON s.tenant_id = e.tenant_id AND s.id = e.sop_id AND s.status = 'active'
            WHERE e.tenant_id = $1 AND e.status = 'active' AND e.next_due_at <= $2
            ORDER BY e.next_due_at LIMIT $3
              FOR UPDATE OF e SKIP LOCKED`,
          [tenantId, now, batch],
        )) as DueRow[];
        if (rows.length === 0) return null;
        return { ...(await this.handle(m, tenantId, timeZone, now, rows)), size: rows.length };
      });
      if (!result) break;
      this.profiles.changed(tenantId, result.customers);
      result.tasks.forEach((t) => tasks.add(t));
      delivered += result.delivered;
      exited += result.exited;
      if (result.size < batch) break;
    }
    return { tasks, delivered, exited };
  }

  private async handle(m: EntityManager, tenantId: string, timeZone: string, now: Date, rows: DueRow[]) {
    const windowAt = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const defs = new Map<string, SopDefinition>();
    for (const r of rows) {
      const key = `${r.sop_id}|${r.version}`;
      if (!defs.has(key)) defs.set(key, await this.sops.definition(tenantId, r.sop_id, r.version, m));
    }
    const exits = new Map<string, string>();
    const senders = new Map<string, string>();
    await this.checkCustomers(m, tenantId, rows.filter((r) => r.target_kind === 'customer'), defs, exits, senders);
    await this.checkChats(m, tenantId, rows.filter((r) => r.target_kind === 'group'), exits, senders);

    const buckets = new Map<string, TaskBucket>();
    const advances: { id: string; step: number; due: Date | null }[] = [];
    for (const r of rows) {
      if (exits.has(r.id)) continue;
      const def = defs.get(`${r.sop_id}|${r.version}`)!;
      const step = def.steps[r.next_step];
      const userId = senders.get(r.id)!;
      const key = `${r.sop_id}|${r.version}|${r.next_step}|${userId}`;
      let b = buckets.get(key);
      if (!b) {
        b = { sopId: r.sop_id, sopVersion: r.version, stepIndex: r.next_step, delivery: step.delivery, targetKind: r.target_kind, userId, windowAt, now, targets: [] };
        buckets.set(key, b);
      }
      b.targets.push({ wecomId: r.wecom_id, enrolmentId: r.id });
      const next = r.next_step + 1;
      advances.push({ id: r.id, step: next, due: next < def.steps.length ? stepDueAt(r.anchor_at, def.steps[next], timeZone) : null });
    }
    const tasks: string[] = [];
    // One order of task-row locks for every worker: no deadlock between two batches filling the same buckets.
    const ordered = [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, b]) => b);
    for (const b of ordered) tasks.push(...(await this.tasks.add(m, tenantId, b)));
    await this.advance(m, tenantId, advances);
    await this.exit(m, tenantId, exits);
    const customers = rows.filter((r) => r.target_kind === 'customer').map((r) => r.target_id);
    return { tasks, delivered: advances.length, exited: exits.size, customers };
  }

  /**
   * Customers still in the audience and still someone's contact. Sender rule: the member who brought the enrolment
   * while that relationship is active; otherwise the member whose active relationship is the oldest (WeCom's own rule
   * for a mass send without a sender); ties by userid.
   */
  private async checkCustomers(m: EntityManager, tenantId: string, rows: DueRow[], defs: Map<string, SopDefinition>, exits: Map<string, string>, senders: Map<string, string>): Promise<void> {
    if (rows.length === 0) return;
    const bySop = new Map<string, DueRow[]>();
    for (const r of rows) bySop.set(`${r.sop_id}|${r.version}`, [...(bySop.get(`${r.sop_id}|${r.version}`) ?? []), r]);
    for (const [key, group] of bySop) {
      const inside = await this.audience.filter(tenantId, defs.get(key)!, group.map((r) => r.target_id));
      for (const r of group) if (!inside.has(r.target_id)) exits.set(r.id, 'left_audience');
    }
    const remaining = rows.filter((r) => !exits.has(r.id));
    if (remaining.length === 0) return;
    const found = (await m.query(
      `SELECT DISTINCT ON (x.eid) x.eid, r.user_id
         FROM unnest($2::uuid[], $3::varchar[], $4::varchar[]) AS x(eid, ext, pref)
         JOIN relationships r ON r.tenant_id = $1 AND r.external_user_id = x.ext AND r.status = 'active'
        ORDER BY x.eid, (r.user_id = x.pref) DESC, r.added_at ASC NULLS LAST, r.user_id`,
      [tenantId, remaining.map((r) => r.id), remaining.map((r) => r.wecom_id), remaining.map((r) => r.user_id ?? '')],
    )) as { eid: string; user_id: string }[];
    const sender = new Map(found.map((f) => [f.eid, f.user_id]));
    for (const r of remaining) {
      const u = sender.get(r.id);
      if (u) senders.set(r.id, u);
      else exits.set(r.id, 'relationship_deleted');
    }
  }

  /** A group goes to its owner now; a dismissed chat leaves. */
  private async checkChats(m: EntityManager, tenantId: string, rows: DueRow[], exits: Map<string, string>, senders: Map<string, string>): Promise<void> {
    if (rows.length === 0) return;
    const chats = (await m.query(`SELECT chat_id, owner FROM group_chats WHERE tenant_id = $1 AND chat_id = ANY($2::varchar[]) AND status = 'active'`, [
      tenantId,
      [...new Set(rows.map((r) => r.wecom_id))],
    ])) as { chat_id: string; owner: string }[];
    const owners = new Map(chats.map((c) => [c.chat_id, c.owner]));
    for (const r of rows) {
      const owner = owners.get(r.wecom_id);
      if (owner) senders.set(r.id, owner);
      else exits.set(r.id, 'chat_dismissed');
    }
  }

  private async advance(m: EntityManager, tenantId: string, rows: { id: string; step: number; due: Date | null }[]): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `UPDATE sop_enrolments e
          SET next_step = x.step, next_due_at = x.due,
              status = CASE WHEN x.due IS NULL THEN 'completed' ELSE 'active' END, updated_at = now()
         FROM unnest($2::uuid[], $3::int[], $4::timestamptz[]) AS x(id, step, due)
        WHERE e.tenant_id = $1 AND e.id = x.id`,
      [tenantId, rows.map((r) => r.id), rows.map((r) => r.step), rows.map((r) => r.due)],
    );
  }

  private async exit(m: EntityManager, tenantId: string, exits: Map<string, string>): Promise<void> {
    if (exits.size === 0) return;
    await m.query(
      `UPDATE sop_enrolments e SET status = 'exited', exit_reason = x.reason, next_due_at = NULL, updated_at = now()
         FROM unnest($2::uuid[], $3::varchar[]) AS x(id, reason)
        WHERE e.tenant_id = $1 AND e.id = x.id`,
      [tenantId, [...exits.keys()], [...exits.values()]],
    );
  }
}
