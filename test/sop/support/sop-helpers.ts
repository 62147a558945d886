import { Clock, SopScheduler, TaskPoller, TickResult } from '@scrm/core';
import { JobName, JobQueue } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { bearer } from '../../support/factories';
import { createSimTenant, SimCorpSeed, SimTenant } from '../../support/sim-tenant';
import { startSystem } from '../../support/test-system';
import { until, waitFor } from '../../support/wait';
import { TestSystem } from '../../support/test-system';

/** Our tags.id for a WeCom corp tag, once the tag catalogue has brought it over (the sync on tenant creation). */
export async function ourTagFor(sys: TestSystem, tenant: SimTenant, corpTagId: string): Promise<string> {
  const db = sys.api.get(DataSource);
  const [row] = await until(
    () => db.query(`SELECT id FROM tags WHERE tenant_id = $1 AND corp_tag_id = $2 AND NOT deleted`, [tenant.id, corpTagId]) as Promise<{ id: string }[]>,
    (rows) => rows.length === 1,
    30_000,
    `corp tag ${corpTagId} in our catalogue`,
  );
  return row.id;
}

/** A plain local tag (for group chats). */
export async function localTag(sys: TestSystem, tenant: SimTenant, name: string): Promise<string> {
  const db = sys.api.get(DataSource);
  const [group] = await db.query(`INSERT INTO tag_groups (tenant_id, name, kind) VALUES ($1, $2, 'manual') RETURNING id`, [tenant.id, `g-${name}`]);
  const [tag] = await db.query(`INSERT INTO tags (tenant_id, group_id, name, kind) VALUES ($1, $2, $3, 'manual') RETURNING id`, [tenant.id, group.id, name]);
  return tag.id;
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
 * The system with a worker and the simulator, a tenant whose corp has members anna and bert and one corp tag, and that
 * tag in our catalogue. Answers the corp tag and our tag id.
 */
export async function startSopSystem(seed: SimCorpSeed = {}) {
  process.env.CHANNEL_ROSTER_DEBOUNCE_MS = '20';
  const sys = await startSystem({ sim: true, worker: true });
  const tenant = await createSimTenant(sys, {
    members: [{ userid: 'anna', name: 'Anna' }, { userid: 'bert', name: 'Bert' }],
    tags: [{ groupName: 'Interest', tags: [{ name: 'vip' }] }],
    ...seed,
  });
  const corpTag = (tenant.seeded.tags as { tags: { id: string }[] }[])[0].tags[0].id;
  const tagId = await ourTagFor(sys, tenant, corpTag);
  return { sys, tenant, sop: new SopDriver(sys, tenant), corpTag, tagId };
}
