import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@scrm/platform';
import { isWeComApiError, WeComClient } from '@scrm/wechat-work-sdk';
import { DataSource } from 'typeorm';
import { fieldsOfFollowInfo } from '../contacts/handlers/wecom-details';
import { upsertCustomer } from '../contacts/stores/customer.store';
import { dbNow } from '../contacts/stores/db-now';
import { writeGroupChat } from '../contacts/stores/group-chat.store';
import { replaceTagLinks } from '../contacts/stores/relationship-tags.store';
import { applyRelationshipStatus } from '../contacts/stores/relationship.store';
import { StaffRow, writeStaff } from '../contacts/stores/staff.store';
import { reconcileCorpTags } from '../contacts/stores/tag-mirror.store';
import { CorpTagsChangedPayload, DomainEvent, SyncFinishedPayload } from '../events/domain-events';
import { writeTimeline } from '../contacts/stores/timeline.store';
import { TenantWeCom } from '../wecom/tenant-wecom.service';
import { SyncLease } from './sync-lease';
import { syncPercent } from './sync-progress';
import { SyncRun } from './sync-run.entity';

/** batch/get_by_user takes at most 100 userids and 100 results a page. */
const USERS_PER_BATCH = 100;
const PAGE_LIMIT = 100;
/** Checkpoint every this many chats (each is one groupchat/get). */
const CHATS_PER_CHECKPOINT = 20;

/**
 * Runs one full sync: staff → corp tags → customers and relationships → group chats. Every page ends with
 * a checkpoint (phase, cursor, counts, percent) under the run's lease, so a crash resumes where it stopped.
 */
@Injectable()
export class SyncRunner {
  private readonly logger = new Logger(SyncRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wecom: TenantWeCom,
    private readonly config: AppConfig,
    private readonly emitter: EventEmitter2,
  ) {}

  /** 'busy' when another worker holds a live lease on the run; 'finished' when it is (or already was) over. */
  async run(tenantId: string, runId: string, owner: string): Promise<'finished' | 'busy'> {
    const lease = new SyncLease(this.db, tenantId, runId, owner, this.config.env.SYNC_LEASE_SECONDS);
    const run = await lease.acquire();
    if (!run) return (await lease.isOver()) ? 'finished' : 'busy';
    const client = await this.wecom.client(tenantId);
    if (run.phase === 'staff') await this.staff(client, run, lease);
    if (run.phase === 'tags') await this.tags(client, run, lease);
    if (run.phase === 'customers') await this.customers(client, run, lease);
    if (run.phase === 'group_chats') await this.groupChats(client, run, lease);
    // Before finishing: a listener's failure fails this attempt, and the retry (at its last checkpoint) emits again.
    await this.emitter.emitAsync(DomainEvent.SyncFinished, { tenantId, runId, at: new Date() } satisfies SyncFinishedPayload);
    await lease.finish(run.counts);
    this.logger.log({ tenantId, runId, counts: run.counts }, 'full sync done');
    return 'finished';
  }

  private async staff(client: WeComClient, run: SyncRun, lease: SyncLease): Promise<void> {
    const ids = await client.staff.getFollowUserList();
    const staff: StaffRow[] = [];
    for (const userId of ids) {
      try {
        const u = await client.staff.getUser(userId);
        staff.push({ userId, name: u.name ?? '', status: u.status ?? null });
      } catch (err) {
        if (!isWeComApiError(err) || err.retryable) throw err;
        // A member who left between the two calls: keep the id, note why the name is missing.
        staff.push({ userId, name: '', status: null });
        await lease.noteError('staff', `user/get ${userId}: ${err.errcode}`);
      }
    }
    await this.db.transaction((m) => writeStaff(m, run.tenantId, staff, new Date()));
    run.counts.staff = staff.length;
    await lease.checkpoint(run, 'tags', {}, syncPercent('tags', 0));
  }

  private async tags(client: WeComClient, run: SyncRun, lease: SyncLease): Promise<void> {
    const groups = await client.tags.list();
    const written = await this.db.transaction((m) => reconcileCorpTags(m, run.tenantId, groups));
    run.counts.tags = written.tags;
    await this.emitter.emitAsync(DomainEvent.CorpTagsChanged, { tenantId: run.tenantId, change: 'sync', id: null, at: new Date() } satisfies CorpTagsChangedPayload);
    const customersFrom = (await dbNow(this.db)).toISOString();
    await lease.checkpoint(run, 'customers', { userIndex: 0, customersFrom }, syncPercent('customers', 0));
  }

  private async customers(client: WeComClient, run: SyncRun, lease: SyncLease): Promise<void> {
    const users = await this.followUsers(run.tenantId);
    let { userIndex = 0, cursor } = run.checkpoint;
    while (userIndex < users.length) {
      const batch = users.slice(userIndex, userIndex + USERS_PER_BATCH);
      const readAt = await dbNow(this.db);
      const page = await client.customers.batchGetByUser({ userid_list: batch, cursor, limit: PAGE_LIMIT });
      await this.db.transaction(async (m) => {
        for (const { external_contact: contact, follow_info: follow } of page.external_contact_list ?? []) {
          const key = { userId: follow.userid, externalUserId: contact.external_userid };
          const fields = fieldsOfFollowInfo(follow);
          const addedAt = fields.addedAt ?? new Date();
          await upsertCustomer(m, run.tenantId, contact.external_userid, contact, addedAt);
          // The add's own time: a delete event newer than it still wins, whichever is written first.
          await applyRelationshipStatus(m, run.tenantId, key, { status: 'active', at: addedAt }, fields);
          await replaceTagLinks(m, run.tenantId, key, follow.tag_id ?? [], 'sync', readAt);
          run.counts.relationships++;
        }
      });
      if (page.next_cursor) cursor = page.next_cursor;
      else [userIndex, cursor] = [userIndex + USERS_PER_BATCH, undefined];
      if (userIndex < users.length) {
        await lease.checkpoint(run, 'customers', { ...run.checkpoint, userIndex, cursor }, syncPercent('customers', userIndex / users.length));
      }
    }
    run.counts.relationshipsGone = await this.markUnseenGone(run, users);
    run.counts.customers = await this.countCustomers(run.tenantId);
    await lease.checkpoint(run, 'group_chats', { chatIndex: 0 }, syncPercent('group_chats', 0));
  }

  /**
   * Active relationships of the listed members that this run did not see (nothing wrote them since the phase
   * began) are gone from WeCom — deleted while no callback reached us. Who deleted whom is unknown.
   */
  private async markUnseenGone(run: SyncRun, users: string[]): Promise<number> {
    const since = run.checkpoint.customersFrom;
    if (!since) return 0;
    return this.db.transaction(async (m) => {
      const [gone] = (await m.query(
        `UPDATE relationships SET status = 'deleted', status_at = $2, updated_at = now()
         WHERE tenant_id = $1 AND status = 'active' AND user_id = ANY($3::varchar[]) AND updated_at < $2 AND status_at < $2
         RETURNING user_id, external_user_id`,
        [run.tenantId, since, users],
      )) as [Array<{ user_id: string; external_user_id: string }>, number];
      for (const r of gone) {
        await writeTimeline(m, run.tenantId, {
          type: DomainEvent.CustomerDeleted,
          userId: r.user_id,
          externalUserId: r.external_user_id,
          occurredAt: new Date(since),
          data: { by: null, source: 'sync' },
          dedupeKey: `sync-gone|${run.id}|${r.user_id}|${r.external_user_id}`,
        });
      }
      return gone.length;
    });
  }

  private async groupChats(client: WeComClient, run: SyncRun, lease: SyncLease): Promise<void> {
    const listedAt = new Date();
    // Sorted, so a resumed run's index points at the same chat as before (unless chats came or went).
    const chatIds = (await client.groupChats.listAll({ limit: 1000 })).map((c) => c.chat_id).sort();
    let index = run.checkpoint.chatIndex ?? 0;
    while (index < chatIds.length) {
      for (const chatId of chatIds.slice(index, index + CHATS_PER_CHECKPOINT)) {
        try {
          const chat = await client.groupChats.get(chatId, true);
          await this.db.transaction((m) => writeGroupChat(m, run.tenantId, chat));
          run.counts.groupChats++;
        } catch (err) {
          if (!isWeComApiError(err) || err.retryable) throw err;
          await lease.noteError('group_chats', `groupchat/get ${chatId}: ${err.errcode}`); // dismissed since listed
        }
      }
      index = Math.min(index + CHATS_PER_CHECKPOINT, chatIds.length);
      await lease.checkpoint(run, 'group_chats', { chatIndex: index }, syncPercent('group_chats', index / chatIds.length));
    }
    // Chats we hold that WeCom no longer lists were dismissed while no callback reached us.
    await this.db.query(
      `UPDATE group_chats SET status = 'dismissed', updated_at = now()
       WHERE tenant_id = $1 AND status = 'active' AND created_at < $2 AND NOT (chat_id = ANY($3::varchar[]))`,
      [run.tenantId, listedAt, chatIds],
    );
  }

  private async followUsers(tenantId: string): Promise<string[]> {
    const rows = (await this.db.query(`SELECT user_id FROM staff_members WHERE tenant_id = $1 AND follow_user ORDER BY user_id`, [tenantId])) as Array<{
      user_id: string;
    }>;
    return rows.map((r) => r.user_id);
  }

  private async countCustomers(tenantId: string): Promise<number> {
    const [{ n }] = await this.db.query(
      `SELECT count(DISTINCT external_user_id)::int AS n FROM relationships WHERE tenant_id = $1 AND status = 'active'`,
      [tenantId],
    );
    return n;
  }
}
