import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@scrm/platform';
import { isWeComApiError, WeComClient } from '@scrm/wechat-work-sdk';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../clock/clock';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { Task } from './entities/task.entity';
import { TaskContent, TaskContentService } from './task-content.service';

export type DeliveryOutcome = 'sent' | 'recovered' | 'failed' | 'skipped';

/** How far back a recovering task looks for the mass send it may already have made. */
const RECOVERY_LOOKBACK_SEC = 120;
/**
 * A task 'calling' for less than this belongs to an attempt still in flight (or rides on a sibling's card): another
 * attempt leaves it alone, and the sweep re-queues it if that attempt died (tasks 'calling' for 5 minutes).
 */
export const CALLING_GRACE_MS = 2 * 60_000;

/** Thrown for a task another delivery is calling right now: the job retries once that one has settled. */
interface Sibling {
  id: string;
  target_count: number;
}

class InFlightError extends Error {
  constructor(readonly retryAfterMs: number) {
    super('the task is being delivered by another attempt');
  }
}

/**
 * Makes a task's one WeCom call, after the transaction that created it. 'calling' is recorded (and committed)
 * before the call, so a retry after a crash or timeout knows the call may have happened: it first looks for the
 * mass send in get_groupmsg_list_v2 (same creator, made since shortly before, text equal, one of our targets in
 * its results) and only calls again when none is found. Reminders (message/send) have no such lookup: a retry
 * after an uncertain call may repeat the card, which is a reminder to the member, never a message to a customer.
 */
@Injectable()
export class TaskDelivery {
  private readonly logger = new Logger(TaskDelivery.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wecom: TenantWeCom,
    private readonly content: TaskContentService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async deliver(tenantId: string, taskId: string): Promise<DeliveryOutcome> {
    const claimed = await this.db.transaction(async (m) => {
      const peek = await m.findOne(Task, { where: { tenantId, id: taskId } });
      // Reminders of one member and window share a card: their claims take turns, so one claim gathers them all.
      if (peek?.delivery === 'reminder') await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sop-card|${tenantId}|${peek.userId}|${peek.windowAt.toISOString()}`]);
      const task = await m.findOne(Task, { where: { tenantId, id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (!task || (task.status !== 'open' && task.status !== 'calling')) return null;
      const recovering = task.status === 'calling';
      const inFlightFor = recovering && task.callingAt ? this.clock.now().getTime() - task.callingAt.getTime() : Infinity;
      if (inFlightFor < CALLING_GRACE_MS) return null;
      const siblings = task.delivery === 'reminder' ? await this.claimSiblings(m, task) : [];
      if (!recovering) await m.update(Task, { tenantId, id: taskId }, { status: 'calling', callingAt: this.clock.now(), attempts: task.attempts + 1 });
      // The recovering attempt is now the one in flight; its lookup still starts from the earlier call.
      else await m.update(Task, { tenantId, id: taskId }, { callingAt: this.clock.now(), attempts: task.attempts + 1 });
      return { task: { ...task, callingAt: task.callingAt ?? this.clock.now() } as Task, recovering, siblings };
    });
    if (!claimed) return 'skipped';
    const { task, recovering, siblings } = claimed;
    const content = await this.content.of(task);
    if (!content.text && content.attachments.length === 0) return this.fail(task, `no content to send (media not alive: ${content.skippedMedia.join(', ')})`);
    const client = await this.wecom.client(tenantId);
    try {
      if (task.delivery === 'reminder') return await this.remind(client, task, content, siblings);
      if (recovering) {
        const msgid = await this.findMade(client, task, content);
        if (msgid) {
          await this.markSent(task, msgid, []);
          return 'recovered';
        }
      }
      return await this.massSend(client, task, content);
    } catch (e) {
      if (isWeComApiError(e) && !e.retryable) return this.fail(task, e.message);
      if (madeNothing(e)) await this.reopen([task.id], task.tenantId);
      throw e;
    }
  }

  private async massSend(client: WeComClient, task: Task, content: TaskContent): Promise<DeliveryOutcome> {
    const targets = await this.targetIds(task);
    const body = content.text ? { text: { content: content.text } } : {};
    const res = await client.massSend.addMsgTemplate({
      ...body,
      ...(content.attachments.length ? { attachments: content.attachments } : {}),
      sender: task.userId,
      ...(task.targetKind === 'group' ? { chat_type: 'group' as const, chat_id_list: targets } : { chat_type: 'single' as const, external_userid: targets }),
    });
    await this.markSent(task, res.msgid, res.fail_list ?? []);
    return 'sent';
  }

  /**
   * One card per member and window, whatever the number of targets: the member's other reminder tasks of the same
   * window still open ride along (claimed with this task, marked sent with the same msgid), so WeCom's 30 app messages a minute
   * per member (beyond which messages silently vanish) are spent per window, not per SOP or customer.
   */
  private async remind(client: WeComClient, task: Task, content: TaskContent, siblings: Sibling[]): Promise<DeliveryOutcome> {
    const tasks = 1 + siblings.length;
    const targets = task.targetCount + siblings.reduce((n, r) => n + r.target_count, 0);
    const page = tasks === 1 ? `/staff/tasks/${task.id}` : '/staff/tasks';
    const url = client.oauth.buildAuthorizeUrl({ redirectUri: `${this.config.env.PUBLIC_URL}${page}`, state: tasks === 1 ? task.id : 'tasks' });
    const kind = task.targetKind === 'group' ? 'group chats' : 'customers';
    const summary = tasks === 1 ? `${targets} ${kind} are waiting for you. ${content.text ?? ''}` : `${tasks} SOP tasks, ${targets} targets, are waiting for you.`;
    const card = { title: 'SOP task', description: truncateBytes(summary, 500), url, btntxt: 'Open' };
    const res = await client.messages.send({ touser: task.userId, msgtype: 'textcard', textcard: card }).catch(async (e: unknown) => {
      if (madeNothing(e)) await this.reopen(siblings.map((r) => r.id), task.tenantId);
      throw e;
    });
    for (const t of [task, ...siblings.map((r) => ({ ...task, id: r.id }))]) await this.markSent(t as Task, res.msgid, []);
    return 'sent';
  }

  private async findMade(client: WeComClient, task: Task, content: TaskContent): Promise<string | null> {
    const nowSec = Math.floor(this.clock.now().getTime() / 1000);
    const start = Math.floor(task.callingAt!.getTime() / 1000) - RECOVERY_LOOKBACK_SEC;
    const chatType = task.targetKind === 'group' ? 'group' : 'single';
    const list = await client.massSend.listV2({ chat_type: chatType, start_time: start, end_time: Math.max(nowSec, start + 1), limit: 100 });
    const candidates = list.group_msg_list.filter((g) => g.creator === task.userId && (g.text?.content ?? null) === content.text);
    if (candidates.length === 0) return null;
    const taken = new Set(
      ((await this.db.query(`SELECT msgid FROM tasks WHERE tenant_id = $1 AND msgid = ANY($2::varchar[])`, [task.tenantId, candidates.map((c) => c.msgid)])) as { msgid: string }[]).map((r) => r.msgid),
    );
    const ours = new Set(await this.targetIds(task));
    for (const c of candidates) {
      if (taken.has(c.msgid)) continue;
      const res = await client.massSend.getSendResult({ msgid: c.msgid, userid: task.userId, limit: 1 });
      const first = res.send_list[0];
      if (first && ours.has(first.external_userid ?? first.chat_id ?? '')) return c.msgid;
    }
    return null;
  }

  private async targetIds(task: Task): Promise<string[]> {
    const rows = (await this.db.query(`SELECT wecom_id FROM task_targets WHERE tenant_id = $1 AND task_id = $2 ORDER BY wecom_id`, [task.tenantId, task.id])) as { wecom_id: string }[];
    return rows.map((r) => r.wecom_id);
  }

  private async markSent(task: Task, msgid: string, failList: string[]): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.update(Task, { tenantId: task.tenantId, id: task.id }, { status: 'sent', msgid, sentAt: this.clock.now() });
      if (failList.length) {
        await m.query(`UPDATE task_targets SET status = 'failed' WHERE tenant_id = $1 AND task_id = $2 AND wecom_id = ANY($3::varchar[])`, [task.tenantId, task.id, failList]);
      }
    });
  }

  /** The member's other reminder tasks of the same window still open: they go out on this task's card. */
  private async claimSiblings(m: EntityManager, task: Task): Promise<Sibling[]> {
    const rows = (await m.query(
      `SELECT id, target_count FROM tasks
        WHERE tenant_id = $1 AND user_id = $2 AND window_at = $3 AND delivery = 'reminder' AND status = 'open' AND id <> $4
        ORDER BY id FOR UPDATE`,
      [task.tenantId, task.userId, task.windowAt, task.id],
    )) as Sibling[];
    if (rows.length) await m.update(Task, { tenantId: task.tenantId, id: In(rows.map((r) => r.id)) }, { status: 'calling', callingAt: this.clock.now() });
    return rows;
  }

  /** Back to open: WeCom certainly made nothing, so the retry makes a fresh call. */
  private async reopen(ids: string[], tenantId: string): Promise<void> {
    if (ids.length) await this.db.getRepository(Task).update({ tenantId, id: In(ids), status: 'calling' }, { status: 'open', callingAt: null });
  }

  private async fail(task: Task, note: string): Promise<DeliveryOutcome> {
    this.logger.warn({ tenantId: task.tenantId, taskId: task.id, note }, 'sop task failed');
    await this.db.transaction(async (m) => {
      await m.update(Task, { tenantId: task.tenantId, id: task.id }, { status: 'failed', note: note.slice(0, 1000), closedAt: this.clock.now() });
      await m.query(`UPDATE task_targets SET status = 'failed' WHERE tenant_id = $1 AND task_id = $2 AND status = 'pending'`, [task.tenantId, task.id]);
    });
    return 'failed';
  }
}

/** WeCom answered with an error code (or the SDK held the call back): nothing was created. -1 may be a lost answer. */
function madeNothing(e: unknown): boolean {
  return isWeComApiError(e) && e.errcode !== -1;
}

function truncateBytes(s: string, max: number): string {
  let out = s;
  while (Buffer.byteLength(out) > max) out = out.slice(0, -1);
  return out;
}
