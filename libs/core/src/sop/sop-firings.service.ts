import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Sop } from './entities/sop.entity';
import { EnrolTarget, SopEnrolments } from './sop-enrolments.service';
import { SopAudience } from './sop-audience';
import { nextFiring } from './sop-schedule';
import { SopService } from './sop.service';
import { SopDefinition } from './sop.types';

const PAGE = 5_000;

/**
 * Scheduled SOPs: at each firing the audience as it is then is enrolled (run key = the firing time), in the same
 * transaction that moves next_fire_at on, so a firing happens once however many workers tick. Firings missed
 * while no worker ran are not made up one by one: the next firing is the first after now.
 */
@Injectable()
export class SopFirings {
  private readonly logger = new Logger(SopFirings.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sops: SopService,
    private readonly enrolments: SopEnrolments,
    private readonly audience: SopAudience,
  ) {}

  async fireDue(tenantId: string, timeZone: string, now: Date): Promise<number> {
    let fired = 0;
    for (;;) {
      const done = await this.db.transaction(async (m) => {
        const [row] = (await m.query(
          `SELECT id FROM sops WHERE tenant_id = $1 AND status = 'active' AND next_fire_at <= $2 ORDER BY next_fire_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [tenantId, now],
        )) as { id: string }[];
        if (!row) return true;
        const sop = await m.findOneOrFail(Sop, { where: { tenantId, id: row.id } });
        const def = await this.sops.definition(tenantId, sop.id, sop.currentVersion, m);
        const firedAt = sop.nextFireAt!;
        const enrolled = await this.enrolAll(m, tenantId, sop, def, firedAt);
        await m.update(Sop, { tenantId, id: sop.id }, { lastFiredAt: firedAt, nextFireAt: nextFiring(def.trigger, now, timeZone) });
        this.logger.log({ tenantId, sopId: sop.id, firedAt, enrolled }, 'sop fired');
        return false;
      });
      if (done) return fired;
      fired++;
    }
  }

  private async enrolAll(m: EntityManager, tenantId: string, sop: Sop, def: SopDefinition, firedAt: Date): Promise<number> {
    const runKey = firedAt.toISOString();
    let enrolled = 0;
    let after: string | null = null;
    for (;;) {
      const page: Page = def.target === 'group' ? await this.chats(m, tenantId, def, after) : await this.customers(m, tenantId, def, after);
      enrolled += await this.enrolments.enrol(m, tenantId, sop, def, page.targets, firedAt, runKey);
      if (page.last === null) return enrolled;
      after = page.last;
    }
  }

  /** The audience, or every customer with an active relationship when the SOP has none. Members are picked at delivery. */
  private async customers(m: EntityManager, tenantId: string, def: SopDefinition, after: string | null): Promise<Page> {
    const ids = await this.audience.page(tenantId, def, after, PAGE);
    const rows: { id: string; external_user_id: string }[] = ids
      ? await m.query(`SELECT id, external_user_id FROM customers WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, ids])
      : await m.query(
          `SELECT c.id, c.external_user_id FROM customers c
            WHERE c.tenant_id = $1 AND ($2::uuid IS NULL OR c.id > $2)
              AND EXISTS (SELECT 1 FROM relationships r WHERE r.tenant_id = c.tenant_id AND r.external_user_id = c.external_user_id AND r.status = 'active')
            ORDER BY c.id LIMIT $3`,
          [tenantId, after, PAGE],
        );
    const keys = ids ?? rows.map((r) => r.id);
    return { targets: rows.map((r) => ({ targetId: r.id, wecomId: r.external_user_id, userId: null })), last: keys.length === PAGE ? keys[keys.length - 1] : null };
  }

  private async chats(m: EntityManager, tenantId: string, def: SopDefinition, after: string | null): Promise<Page> {
    const tagIds = def.groupFilter?.tagIds?.length ? def.groupFilter.tagIds : null;
    const owners = def.groupFilter?.owners?.length ? def.groupFilter.owners : null;
    const rows: { chat_id: string; owner: string }[] = await m.query(
      `SELECT g.chat_id, g.owner FROM group_chats g
        WHERE g.tenant_id = $1 AND g.status = 'active' AND ($2::varchar IS NULL OR g.chat_id > $2)
          AND ($3::uuid[] IS NULL OR EXISTS (SELECT 1 FROM group_chat_tags t WHERE t.tenant_id = g.tenant_id AND t.chat_id = g.chat_id AND t.tag_id = ANY($3::uuid[])))
          AND ($4::varchar[] IS NULL OR g.owner = ANY($4::varchar[]))
        ORDER BY g.chat_id LIMIT $5`,
      [tenantId, after, tagIds, owners, PAGE],
    );
    const targets = rows.map((r) => ({ targetId: r.chat_id, wecomId: r.chat_id, userId: r.owner || null }));
    return { targets, last: rows.length === PAGE ? rows[rows.length - 1].chat_id : null };
  }
}

interface Page {
  targets: EnrolTarget[];
  /** Where the next page starts; null when this was the last. */
  last: string | null;
}
