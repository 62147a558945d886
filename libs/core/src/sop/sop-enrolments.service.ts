import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { TenantTimeZones } from '../clock/tenant-time-zones';
import { CustomerAddedPayload, CustomerTagsChangedPayload, GroupMembersChangedPayload } from '../events/domain-events';
import { Sop } from './entities/sop.entity';
import { stepDueAt } from './sop-schedule';
import { SopService } from './sop.service';
import { SopProfileSection } from './sop-profile.section';
import { SopDefinition, SopTriggerType } from './sop.types';

export interface EnrolTarget {
  targetId: string;
  wecomId: string;
  userId: string | null;
}

const INSERT_CHUNK = 5_000;

/**
 * Puts targets into SOPs: on events (customer added, tag added, joined a group) for the SOPs listening to them, and
 * at each firing of a scheduled SOP. A target enrols once per SOP (per firing for scheduled ones): a replayed
 * event enrols nobody twice. The audience is checked when each step comes due, not here, so the order in which
 * the tag projection and this listener see an event does not matter.
 */
@Injectable()
export class SopEnrolments {
  private readonly logger = new Logger(SopEnrolments.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sops: SopService,
    private readonly zones: TenantTimeZones,
    private readonly clock: Clock,
    private readonly profiles: SopProfileSection,
  ) {}

  async onCustomerAdded(p: CustomerAddedPayload): Promise<number> {
    const candidates = await this.listening(p.tenantId, 'customer_added');
    if (candidates.length === 0) return 0;
    const channelId = p.state ? await this.channelOfState(p.tenantId, p.state) : null;
    const chosen = candidates.filter(({ definition: d }) => d.trigger.type === 'customer_added' && (!d.trigger.channelId || d.trigger.channelId === channelId));
    return this.enrolCustomers(p.tenantId, chosen, { externalUserIds: [p.externalUserId] }, p.userId);
  }

  /** tagIds are WeCom corp tag ids; SOPs name our tags.id, linked through tags.corp_tag_id. */
  async onTagged(p: CustomerTagsChangedPayload): Promise<number> {
    const candidates = await this.listening(p.tenantId, 'tag_added');
    if (candidates.length === 0) return 0;
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM tags WHERE tenant_id = $1 AND corp_tag_id = ANY($2::varchar[])`, [p.tenantId, p.tagIds]);
    const added = new Set(rows.map((r) => r.id));
    const chosen = candidates.filter(({ definition: d }) => d.trigger.type === 'tag_added' && added.has(d.trigger.tagId));
    return this.enrolCustomers(p.tenantId, chosen, { externalUserIds: [p.externalUserId] }, p.userId);
  }

  /** Local tags (manual, bulk, computed, interest) gained through the tag writer; customerIds are customers.id. */
  async onLocalTagAdded(tenantId: string, tagId: string, customerIds: string[]): Promise<number> {
    const candidates = await this.listening(tenantId, 'tag_added');
    const chosen = candidates.filter(({ definition: d }) => d.trigger.type === 'tag_added' && d.trigger.tagId === tagId);
    return this.enrolCustomers(tenantId, chosen, { ids: customerIds }, null);
  }

  /** The tags (tags.id) that active tag_added SOPs of the tenant listen to. */
  async listenedTags(tenantId: string): Promise<Set<string>> {
    const candidates = await this.listening(tenantId, 'tag_added');
    return new Set(candidates.flatMap(({ definition: d }) => (d.trigger.type === 'tag_added' ? [d.trigger.tagId] : [])));
  }

  async onGroupJoined(p: GroupMembersChangedPayload): Promise<number> {
    const candidates = await this.listening(p.tenantId, 'group_joined');
    const chosen = candidates.filter(({ definition: d }) => d.trigger.type === 'group_joined' && (!d.trigger.chatId || d.trigger.chatId === p.chatId));
    return this.enrolCustomers(p.tenantId, chosen, { externalUserIds: p.memberIds }, null);
  }

  /** Inserts enrolments anchored at `anchor`; existing (sop, target, run) rows are left alone. Answers how many were new. */
  async enrol(m: EntityManager, tenantId: string, sop: Sop, def: SopDefinition, targets: EnrolTarget[], anchor: Date, runKey: string): Promise<number> {
    if (targets.length === 0) return 0;
    const due = stepDueAt(anchor, def.steps[0], await this.zones.zoneOf(tenantId));
    let inserted = 0;
    for (let i = 0; i < targets.length; i += INSERT_CHUNK) {
      const chunk = targets.slice(i, i + INSERT_CHUNK);
      const rows = await m.query(
        `INSERT INTO sop_enrolments (tenant_id, sop_id, version, target_kind, target_id, wecom_id, user_id, run_key, anchor_at, next_step, next_due_at, status)
         SELECT $1, $2, $3, $4, t, w, u, $5, $6, 0, $7, 'active'
           FROM unnest($8::varchar[], $9::varchar[], $10::varchar[]) AS x(t, w, u)
         ON CONFLICT (tenant_id, sop_id, target_id, run_key) DO NOTHING
         RETURNING id`,
        [tenantId, sop.id, sop.currentVersion, def.target, runKey, anchor, due, chunk.map((t) => t.targetId), chunk.map((t) => t.wecomId), chunk.map((t) => t.userId)],
      );
      inserted += rows.length;
    }
    return inserted;
  }

  /** `userId`: the member who brought them (null: the step's sender is picked from their relationships). */
  private async enrolCustomers(
    tenantId: string,
    chosen: { sop: Sop; definition: SopDefinition }[],
    who: { externalUserIds: string[] } | { ids: string[] },
    userId: string | null,
  ): Promise<number> {
    const [match, values] = 'ids' in who ? ['id = ANY($2::uuid[])', who.ids] : ['external_user_id = ANY($2::varchar[])', who.externalUserIds];
    if (chosen.length === 0 || values.length === 0) return 0;
    const customers: { id: string; external_user_id: string }[] = await this.db.query(
      `SELECT id, external_user_id FROM customers WHERE tenant_id = $1 AND ${match}`,
      [tenantId, values],
    );
    const targets = customers.map((c) => ({ targetId: c.id, wecomId: c.external_user_id, userId }));
    const anchor = this.clock.now();
    let inserted = 0;
    for (const { sop, definition } of chosen) inserted += await this.enrol(this.db.manager, tenantId, sop, definition, targets, anchor, '');
    if (inserted > 0) {
      this.logger.log({ tenantId, inserted }, 'sop enrolments');
      this.profiles.changed(tenantId, targets.map((t) => t.targetId));
    }
    return inserted;
  }

  private async listening(tenantId: string, trigger: SopTriggerType): Promise<{ sop: Sop; definition: SopDefinition }[]> {
    const sops = await this.sops.sops.find(tenantId, { where: { status: 'active', triggerType: trigger } });
    return Promise.all(sops.map(async (sop) => ({ sop, definition: await this.sops.definition(tenantId, sop.id, sop.currentVersion) })));
  }

  private async channelOfState(tenantId: string, state: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM channels WHERE tenant_id = $1 AND state = $2`, [tenantId, state]);
    return rows[0]?.id ?? null;
  }
}
