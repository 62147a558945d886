import { AudienceMatcher, AudienceRule, Clock, SopAudience, SopScheduler, TaskPoller, TickResult } from '@scrm/core';
import { JobName, JobQueue } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { bearer } from '../../support/factories';
import { createSimTenant, SimCorpSeed, SimTenant } from '../../support/sim-tenant';
import { startSystem } from '../../support/test-system';
import { waitFor } from '../../support/wait';
import { TestSystem } from '../../support/test-system';

/** Our tags.id for a WeCom corp tag: the tags projection makes it once it lands; until then the test adds the row. */
export async function ourTagFor(sys: TestSystem, tenant: SimTenant, corpTagId: string, name = 'tag'): Promise<string> {
  const db = sys.api.get(DataSource);
  const found = await db.query(`SELECT id FROM tags WHERE tenant_id = $1 AND corp_tag_id = $2`, [tenant.id, corpTagId]);
  if (found[0]) return found[0].id;
  const [group] = await db.query(`INSERT INTO tag_groups (tenant_id, name, kind) VALUES ($1, $2, 'corp') RETURNING id`, [tenant.id, `g-${corpTagId}`]);
  const [tag] = await db.query(
    `INSERT INTO tags (tenant_id, group_id, name, kind, corp_tag_id, source) VALUES ($1, $2, $3, 'corp', $4, 'wecom')
     ON CONFLICT (tenant_id, corp_tag_id) WHERE corp_tag_id IS NOT NULL DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [tenant.id, group.id, name, corpTagId],
  );
  return tag.id;
}

/** A plain local tag (for group chats). */
export async function localTag(sys: TestSystem, tenant: SimTenant, name: string): Promise<string> {
  const db = sys.api.get(DataSource);
  const [group] = await db.query(`INSERT INTO tag_groups (tenant_id, name, kind) VALUES ($1, $2, 'manual') RETURNING id`, [tenant.id, `g-${name}`]);
  const [tag] = await db.query(`INSERT INTO tags (tenant_id, group_id, name, kind) VALUES ($1, $2, $3, 'manual') RETURNING id`, [tenant.id, group.id, name]);
  return tag.id;
}

/**
 * Until corp tags reach customer_tags (the projection helper `tags` is building), the real AUDIENCE_MATCHER cannot
 * see a channel's tag: a tag-only matcher, in test support only, stands in for it. A customer has a tag when
 * customer_tags says so or one of their relationships carries the linked corp tag. Remove once the projection lands.
 */
export function installTagOnlyMatcher(sys: TestSystem): void {
  for (const app of [sys.api, sys.worker!]) {
    const audience = app.get(SopAudience, { strict: false }) as unknown as { matcher?: AudienceMatcher };
    const db = app.get(DataSource);
    const tagOf = (rule: AudienceRule): string => {
      if ('tag' in rule) return rule.tag;
      throw new Error(`the test matcher only knows { tag }: ${JSON.stringify(rule)}`);
    };
    const matching = async (tenantId: string, rule: AudienceRule, ids: string[] | null): Promise<string[]> => {
      const rows: { id: string }[] = await db.query(
        `SELECT c.id FROM customers c WHERE c.tenant_id = $1 AND ($3::uuid[] IS NULL OR c.id = ANY($3::uuid[])) AND (
           EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.tenant_id = c.tenant_id AND ct.customer_id = c.id AND ct.tag_id = $2)
           OR EXISTS (SELECT 1 FROM relationship_tags rt JOIN tags t ON t.tenant_id = rt.tenant_id AND t.corp_tag_id = rt.tag_id
                       WHERE rt.tenant_id = c.tenant_id AND rt.external_user_id = c.external_user_id AND t.id = $2))
         ORDER BY c.id`,
        [tenantId, tagOf(rule), ids],
      );
      return rows.map((r) => r.id);
    };
    audience.matcher = {
      validate: async () => undefined,
      filter: async (tenantId, rule, ids) => new Set(await matching(tenantId, rule, ids)),
      page: async (tenantId, rule, afterId, limit) => (await matching(tenantId, rule, null)).filter((id) => !afterId || id > afterId).slice(0, limit),
      count: async (tenantId, rule) => (await matching(tenantId, rule, null)).length,
    };
  }
}

export class SopDriver {
  constructor(
    readonly sys: TestSystem,
    readonly tenant: SimTenant,
  ) {}

  admin = () => bearer(this.tenant.adminToken);
  db = () => this.sys.api.get(DataSource);

  /** Moves the worker's clock (the scheduler's "now") and the simulator's with it, as WeCom and we share real time. */
  async at(when: Date): Promise<void> {
    this.sys.worker!.get(Clock, { strict: false }).set(when);
    const res = await this.tenant.sim().post('/sim/clock').send({ now: when.getTime() });
    if (res.status >= 300) throw new Error(`sim clock failed: ${res.status}`);
  }

  async createSop(body: Record<string, unknown>, activate = true): Promise<string> {
    const res = await this.sys.http().post('/api/v1/sops').set(this.admin()).send(body);
    if (res.status !== 201) throw new Error(`sop create failed: ${res.status} ${JSON.stringify(res.body)}`);
    if (activate) await this.move(res.body.id, 'activate');
    return res.body.id;
  }

  async move(id: string, action: 'activate' | 'pause' | 'resume' | 'archive'): Promise<void> {
    const res = await this.sys.http().post(`/api/v1/sops/${id}/${action}`).set(this.admin());
    if (res.status !== 200) throw new Error(`sop ${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /** One scheduler tick, then waits until this tenant's delivery jobs are done. */
  async tick(): Promise<TickResult> {
    const result = await this.sys.worker!.get(SopScheduler, { strict: false }).tick();
    await this.deliveriesIdle();
    return result;
  }

  async deliveriesIdle(): Promise<void> {
    const queue = this.sys.worker!.get(JobQueue, { strict: false }).queue(JobName.DeliverSopTask);
    await waitFor(async () => {
      const jobs = await queue.getJobs(['waiting', 'active', 'delayed']);
      return !jobs.some((j) => j?.data?.tenantId === this.tenant.id);
    }, 20_000, 'sop deliveries to finish');
  }

  poll() {
    return this.sys.worker!.get(TaskPoller, { strict: false }).pollTenant(this.tenant.id);
  }

  async enrolments(sopId: string): Promise<{ id: string; status: string; exit_reason: string | null; next_step: number; wecom_id: string; version: number }[]> {
    return this.db().query(`SELECT * FROM sop_enrolments WHERE tenant_id = $1 AND sop_id = $2 ORDER BY created_at`, [this.tenant.id, sopId]);
  }

  async tasks(sopId: string): Promise<{ id: string; status: string; msgid: string | null; user_id: string; step_index: number; target_count: number }[]> {
    return this.db().query(`SELECT * FROM tasks WHERE tenant_id = $1 AND sop_id = $2 ORDER BY created_at, chunk`, [this.tenant.id, sopId]);
  }

  async targets(taskId: string): Promise<{ wecom_id: string; status: string }[]> {
    return this.db().query(`SELECT wecom_id, status FROM task_targets WHERE tenant_id = $1 AND task_id = $2 ORDER BY wecom_id`, [this.tenant.id, taskId]);
  }

  /** What the simulator holds: every add_msg_template call that created a mass send. */
  async massSends(): Promise<{ msgid: string; creator: string; chat_type: string; text?: { content: string }; targets: { external_userid?: string; chat_id?: string }[] }[]> {
    const res = await this.tenant.sim().get(`/sim/corps/${this.tenant.corpId}/mass-sends`);
    return res.body;
  }

  async confirm(msgid: string, userid: string): Promise<void> {
    const res = await this.tenant.sim().post(`/sim/corps/${this.tenant.corpId}/scenarios/mass-send/${msgid}/confirm`).send({ userid });
    if (res.status >= 300) throw new Error(`confirm failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/**
 * The system with a worker and the simulator, a tenant whose corp has members anna and bert and one corp tag, that tag
 * in our catalogue, and the stand-in matcher. Answers the corp tag and our tag id.
 */
export async function startSopSystem(seed: SimCorpSeed = {}) {
  process.env.CHANNEL_ROSTER_DEBOUNCE_MS = '20';
  const sys = await startSystem({ sim: true, worker: true });
  installTagOnlyMatcher(sys);
  const tenant = await createSimTenant(sys, {
    members: [{ userid: 'anna', name: 'Anna' }, { userid: 'bert', name: 'Bert' }],
    tags: [{ groupName: 'Interest', tags: [{ name: 'vip' }] }],
    ...seed,
  });
  const corpTag = (tenant.seeded.tags as { tags: { id: string }[] }[])[0].tags[0].id;
  const tagId = await ourTagFor(sys, tenant, corpTag, 'vip');
  return { sys, tenant, sop: new SopDriver(sys, tenant), corpTag, tagId };
}
