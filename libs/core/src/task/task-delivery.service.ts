import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@scrm/platform';
import { isWeComApiError, WeComClient } from '@scrm/wechat-work-sdk';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { Task } from './entities/task.entity';
import { TaskContent, TaskContentService } from './task-content.service';

export type DeliveryOutcome = 'sent' | 'recovered' | 'failed' | 'skipped';

/** How far back a recovering task looks for the mass send it may already have made. */
const RECOVERY_LOOKBACK_SEC = 120;

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
      const task = await m.findOne(Task, { where: { tenantId, id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (!task || (task.status !== 'open' && task.status !== 'calling')) return null;
      const recovering = task.status === 'calling';
      if (!recovering) await m.update(Task, { tenantId, id: taskId }, { status: 'calling', callingAt: this.clock.now(), attempts: task.attempts + 1 });
      else await m.update(Task, { tenantId, id: taskId }, { attempts: task.attempts + 1 });
      return { task: { ...task, callingAt: task.callingAt ?? this.clock.now() } as Task, recovering };
    });
    if (!claimed) return 'skipped';
    const { task, recovering } = claimed;
    const content = await this.content.of(task);
    if (!content.text && content.attachments.length === 0) return this.fail(task, `no content to send (media not alive: ${content.skippedMedia.join(', ')})`);
    const client = await this.wecom.client(tenantId);
    try {
      if (task.delivery === 'reminder') return await this.remind(client, task, content);
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

  /** One card per task, whatever its number of targets: the member's 30 messages a minute are not spent per customer. */
  private async remind(client: WeComClient, task: Task, content: TaskContent): Promise<DeliveryOutcome> {
    const url = client.oauth.buildAuthorizeUrl({ redirectUri: `${this.config.env.PUBLIC_URL}/staff/tasks/${task.id}`, state: task.id });
    const kind = task.targetKind === 'group' ? 'group chats' : 'customers';
    const description = truncateBytes(`${task.targetCount} ${kind} are waiting for you. ${content.text ?? ''}`, 500);
    const res = await client.messages.send({ touser: task.userId, msgtype: 'textcard', textcard: { title: 'SOP task', description, url, btntxt: 'Open' } });
    await this.markSent(task, res.msgid, []);
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

  private async fail(task: Task, note: string): Promise<DeliveryOutcome> {
    this.logger.warn({ tenantId: task.tenantId, taskId: task.id, note }, 'sop task failed');
    await this.db.transaction(async (m) => {
      await m.update(Task, { tenantId: task.tenantId, id: task.id }, { status: 'failed', note: note.slice(0, 1000), closedAt: this.clock.now() });
      await m.query(`UPDATE task_targets SET status = 'failed' WHERE tenant_id = $1 AND task_id = $2 AND status = 'pending'`, [task.tenantId, task.id]);
    });
    return 'failed';
  }
}

function truncateBytes(s: string, max: number): string {
  let out = s;
  while (Buffer.byteLength(out) > max) out = out.slice(0, -1);
  return out;
}
