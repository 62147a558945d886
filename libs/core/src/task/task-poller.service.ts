import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { GroupMsgSendResult, WeComClient } from '@scrm/wechat-work-sdk';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { Task } from './entities/task.entity';
import { TargetStatus } from './entities/task-target.entity';
import { MASS_SEND_EXPIRES_AFTER_MS } from './task-limits';
import { announceProfiles, taskCustomerIds } from './task-customers';

const STATUS: Record<GroupMsgSendResult['status'], TargetStatus> = { 0: 'pending', 1: 'sent', 2: 'not_friend', 3: 'quota' };

/**
 * Reads back mass sends WeCom holds (get_groupmsg_task, get_groupmsg_send_result) and records each target: sent,
 * not a friend, quota reached. A task closes (done) when the member has confirmed and every target is settled —
 * targets WeCom still shows unsent then are recorded unsent — or expires MASS_SEND_EXPIRES_AFTER_MS after the call.
 */
@Injectable()
export class TaskPoller {
  private readonly logger = new Logger(TaskPoller.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wecom: TenantWeCom,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  /** Every mass send of the tenant still waiting. One task's failure does not stop the rest. */
  async pollTenant(tenantId: string): Promise<{ polled: number; closed: number }> {
    const waiting = await this.db.getRepository(Task).find({ where: { tenantId, status: 'sent', delivery: 'mass_send' }, order: { sentAt: 'ASC' } });
    let closed = 0;
    for (const task of waiting) {
      try {
        if (await this.poll(task)) closed++;
      } catch (e) {
        this.logger.warn({ tenantId, taskId: task.id, err: (e as Error).message }, 'sop task poll failed');
      }
    }
    return { polled: waiting.length, closed };
  }

  /** True when the task closed. */
  async poll(task: Task): Promise<boolean> {
    const client = await this.wecom.client(task.tenantId);
    const confirmed = await this.memberConfirmed(client, task);
    const results = await this.results(client, task);
    const now = this.clock.now();
    const expired = now.getTime() - (task.sentAt?.getTime() ?? now.getTime()) >= MASS_SEND_EXPIRES_AFTER_MS;
    const changed = await this.db.transaction(async (m) => {
      const locked = await m.findOne(Task, { where: { tenantId: task.tenantId, id: task.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked || locked.status !== 'sent') return { closed: false, changed: false };
      const settled = results.filter((r) => STATUS[r.status] !== 'pending');
      if (settled.length) {
        await m.query(
          `UPDATE task_targets t SET status = x.status, sent_at = x.sent_at
             FROM unnest($3::varchar[], $4::varchar[], $5::timestamptz[]) AS x(id, status, sent_at)
            WHERE t.tenant_id = $1 AND t.task_id = $2 AND t.wecom_id = x.id AND t.status = 'pending'`,
          [task.tenantId, task.id, settled.map((r) => r.external_userid ?? r.chat_id), settled.map((r) => STATUS[r.status]), settled.map((r) => (r.send_time ? new Date(r.send_time * 1000) : null))],
        );
      }
      const [{ pending }] = (await m.query(`SELECT count(*)::int AS pending FROM task_targets WHERE tenant_id = $1 AND task_id = $2 AND status = 'pending'`, [task.tenantId, task.id])) as { pending: number }[];
      if (pending > 0 && !confirmed && !expired) return { closed: false, changed: settled.length > 0 };
      await m.query(`UPDATE task_targets SET status = 'unsent' WHERE tenant_id = $1 AND task_id = $2 AND status = 'pending'`, [task.tenantId, task.id]);
      await m.update(Task, { tenantId: task.tenantId, id: task.id }, { status: confirmed || pending === 0 ? 'done' : 'expired', closedAt: now });
      return { closed: true, changed: true };
    });
    if (changed.changed) announceProfiles(this.events, task.tenantId, await taskCustomerIds(this.db.manager, task.tenantId, task.id));
    return changed.closed;
  }

  private async memberConfirmed(client: WeComClient, task: Task): Promise<boolean> {
    const res = await client.massSend.getTask({ msgid: task.msgid!, limit: 1000 });
    return res.task_list.some((t) => t.userid === task.userId && t.status === 2);
  }

  private async results(client: WeComClient, task: Task): Promise<GroupMsgSendResult[]> {
    const all: GroupMsgSendResult[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.massSend.getSendResult({ msgid: task.msgid!, userid: task.userId, limit: 1000, cursor });
      all.push(...page.send_list);
      cursor = page.next_cursor || undefined;
    } while (cursor);
    return all;
  }
}
