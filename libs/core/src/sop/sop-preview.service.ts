import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { TenantService } from '../tenant/tenant.service';
import { outsideQuiet, QuietHours } from './quiet-hours';
import { SopAudience } from './sop-audience';
import { nextFiring, stepDueAt } from './sop-schedule';
import { SopService } from './sop.service';
import { SopDefinition, isScheduled } from './sop.types';

export interface PreviewTarget {
  wecomId: string;
  name: string;
}

export interface PreviewEntry {
  /** When it would go out (quiet hours applied). */
  at: Date;
  stepIndex: number;
  delivery: string;
  targets: number;
  /** Up to SAMPLE targets by name. */
  sample: PreviewTarget[];
  /** Scheduled SOPs: the firing this comes from; event SOPs: null. */
  firing: Date | null;
}

const SAMPLE = 20;
const MAX_ENROLMENTS = 50_000;
const MAX_FIRINGS = 100;

/**
 * Who would get which step when over the next days, sending nothing. Event SOPs: the remaining steps of today's
 * active enrolments (future enrolments cannot be known). Scheduled SOPs: each firing in the horizon with the
 * audience as it is now. Steps of a paused SOP are shown as if it were resumed now.
 */
@Injectable()
export class SopPreviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sops: SopService,
    private readonly audience: SopAudience,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
  ) {}

  async preview(tenantId: string, sopId: string, days: number): Promise<{ from: Date; to: Date; entries: PreviewEntry[] }> {
    const { sop, definition } = await this.sops.get(tenantId, sopId);
    const tenant = await this.tenants.get(tenantId);
    const from = this.clock.now();
    const to = new Date(from.getTime() + days * 86_400_000);
    const entries = isScheduled(definition.trigger)
      ? await this.scheduled(tenantId, definition, tenant, from, to)
      : await this.enrolled(tenantId, sop.id, tenant, from, to);
    entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.stepIndex - b.stepIndex);
    return { from, to, entries };
  }

  private async enrolled(tenantId: string, sopId: string, tenant: QuietHours, from: Date, to: Date): Promise<PreviewEntry[]> {
    const rows = (await this.db.query(
      `SELECT e.version, e.wecom_id, e.anchor_at, e.next_step, COALESCE(c.name, '') AS name
         FROM sop_enrolments e LEFT JOIN customers c ON c.tenant_id = e.tenant_id AND c.external_user_id = e.wecom_id
        WHERE e.tenant_id = $1 AND e.sop_id = $2 AND e.status = 'active'
        ORDER BY e.next_due_at LIMIT $3`,
      [tenantId, sopId, MAX_ENROLMENTS],
    )) as { version: number; wecom_id: string; anchor_at: Date; next_step: number; name: string }[];
    const defs = new Map<number, SopDefinition>();
    const groups = new Map<string, PreviewEntry>();
    for (const r of rows) {
      if (!defs.has(r.version)) defs.set(r.version, await this.sops.definition(tenantId, sopId, r.version));
      const def = defs.get(r.version)!;
      for (let i = r.next_step; i < def.steps.length; i++) {
        const at = outsideQuiet(tenant, maxDate(stepDueAt(r.anchor_at, def.steps[i], tenant.timezone), from));
        if (at > to) break;
        const key = `${at.getTime()}|${i}`;
        const entry = groups.get(key) ?? { at, stepIndex: i, delivery: def.steps[i].delivery, targets: 0, sample: [], firing: null };
        entry.targets++;
        if (entry.sample.length < SAMPLE) entry.sample.push({ wecomId: r.wecom_id, name: r.name });
        groups.set(key, entry);
      }
    }
    return [...groups.values()];
  }

  private async scheduled(tenantId: string, def: SopDefinition, tenant: QuietHours, from: Date, to: Date): Promise<PreviewEntry[]> {
    const { count, sample } = def.target === 'group' ? await this.chats(tenantId, def) : await this.customers(tenantId, def);
    const entries: PreviewEntry[] = [];
    let firing = nextFiring(def.trigger, new Date(from.getTime() - 1), tenant.timezone);
    for (let n = 0; firing && firing <= to && n < MAX_FIRINGS; n++) {
      for (const [i, step] of def.steps.entries()) {
        const at = outsideQuiet(tenant, stepDueAt(firing, step, tenant.timezone));
        if (at <= to) entries.push({ at, stepIndex: i, delivery: step.delivery, targets: count, sample, firing });
      }
      firing = nextFiring(def.trigger, firing, tenant.timezone);
    }
    return entries;
  }

  private async customers(tenantId: string, def: SopDefinition): Promise<{ count: number; sample: PreviewTarget[] }> {
    const ids = await this.audience.page(tenantId, def, null, SAMPLE);
    const reachable = `EXISTS (SELECT 1 FROM relationships r WHERE r.tenant_id = c.tenant_id AND r.external_user_id = c.external_user_id AND r.status = 'active')`;
    const sample = (await this.db.query(
      `SELECT c.external_user_id AS wecom_id, c.name FROM customers c WHERE c.tenant_id = $1 AND ${ids ? 'c.id = ANY($2::uuid[])' : reachable} ORDER BY c.id LIMIT ${SAMPLE}`,
      ids ? [tenantId, ids] : [tenantId],
    )) as { wecom_id: string; name: string }[];
    const count =
      (await this.audience.count(tenantId, def)) ??
      ((await this.db.query(`SELECT count(*)::int AS n FROM customers c WHERE c.tenant_id = $1 AND ${reachable}`, [tenantId])) as { n: number }[])[0].n;
    return { count, sample: sample.map((s) => ({ wecomId: s.wecom_id, name: s.name })) };
  }

  private async chats(tenantId: string, def: SopDefinition): Promise<{ count: number; sample: PreviewTarget[] }> {
    const tagIds = def.groupFilter?.tagIds?.length ? def.groupFilter.tagIds : null;
    const owners = def.groupFilter?.owners?.length ? def.groupFilter.owners : null;
    const rows = (await this.db.query(
      `SELECT g.chat_id, g.name, count(*) OVER ()::int AS total FROM group_chats g
        WHERE g.tenant_id = $1 AND g.status = 'active'
          AND ($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM group_chat_tags t WHERE t.tenant_id = g.tenant_id AND t.chat_id = g.chat_id AND t.tag_id = ANY($2::uuid[])))
          AND ($3::varchar[] IS NULL OR g.owner = ANY($3::varchar[]))
        ORDER BY g.chat_id LIMIT ${SAMPLE}`,
      [tenantId, tagIds, owners],
    )) as { chat_id: string; name: string; total: number }[];
    return { count: rows[0]?.total ?? 0, sample: rows.map((r) => ({ wecomId: r.chat_id, name: r.name })) };
  }
}

function maxDate(a: Date, b: Date): Date {
  return a > b ? a : b;
}
