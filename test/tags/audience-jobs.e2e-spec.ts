import { getQueueToken } from '@nestjs/bull';
import { TagJobRunner } from '@scrm/core';
import { QueueName } from '@scrm/platform';
import { Queue } from 'bull';
import { userWithRole } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { until } from '../support/wait';
import { api, customersOf, rows, firstSyncDone } from './support';

describe('Bulk tagging jobs over an audience (rule or saved audience)', () => {
  let sys: TestSystem;
  let a: SimTenant;
  let inTag: string;
  let reached: string;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    a = await createSimTenant(sys, { customers: Array.from({ length: 6 }, (_, i) => ({ externalUserId: `wm_a${i}`, followUsers: [{ userid: 'zhangsan' }] })) });
    await firstSyncDone(sys, a);
    const group = await api(sys, a).post('/tag-groups', { name: 'Seg', kind: 'manual', tags: [{ name: 'in' }, { name: 'reached' }] });
    [inTag, reached] = ['in', 'reached'].map((n) => group.body.tags.find((t: { name: string }) => t.name === n).id);
    const members = (await customersOf(sys, a)).slice(0, 4).map((c) => c.external_user_id);
    await finished((await api(sys, a).post('/tag-jobs', { add: [inTag], customers: members })).body.id);
  });
  afterAll(() => sys.close());

  const finished = (id: string) =>
    until(async () => (await api(sys, a).get(`/tag-jobs/${id}`)).body, (j) => j.status === 'done' || j.status === 'failed', 30_000, `tag job ${id} to end`);
  const holders = async (tagId: string) => (await rows(sys, `SELECT count(*)::int AS n FROM customer_tags WHERE tenant_id = $1 AND tag_id = $2`, [a.id, tagId]))[0].n;

  it('tags everyone a rule matches, and resumes an interrupted run from its checkpoint', async () => {
    const queue = sys.worker!.get<Queue>(getQueueToken(QueueName.Tags), { strict: false });
    await queue.pause(true);
    const created = await api(sys, a).post('/tag-jobs', { add: [reached], audience: { and: [{ tag: inTag }, { not: { tag: reached } }] } });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ status: 'queued', total: 4 });
    // A worker did one batch of two and died.
    expect(await sys.api.get(TagJobRunner).run(a.id, created.body.id, { batchSize: 2, maxBatches: 1 })).toBe('stopped');
    expect(await holders(reached)).toBe(2);
    await queue.resume(true);
    expect(await finished(created.body.id)).toMatchObject({ status: 'done', total: 4, done: 4, failed: 0 });
    expect(await holders(reached)).toBe(4);
  });

  it('runs a saved audience', async () => {
    const saved = await api(sys, a).post('/audiences', { name: 'Reached', rule: { tag: reached } });
    expect(saved.status).toBe(201);
    const job = await api(sys, a).post('/tag-jobs', { remove: [reached], audienceId: saved.body.id });
    expect(job.body).toMatchObject({ total: 4, audienceId: saved.body.id });
    expect(await finished(job.body.id)).toMatchObject({ status: 'done', done: 4 });
    expect(await holders(reached)).toBe(0);
  });

  it('refuses a bad rule, an unknown saved audience, and a rule on a tag hidden from the caller, naming the field', async () => {
    const bad = await api(sys, a).post('/tag-jobs', { add: [reached], audience: { and: [{ tag: 'nope' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('audience');
    const unknown = await api(sys, a).post('/tag-jobs', { add: [reached], audienceId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('audienceId');
    const secret = await api(sys, a).post('/tag-groups', { name: 'Secret', kind: 'manual', allowedRoles: ['admin'], tags: [{ name: 's' }] });
    const marketer = await userWithRole(sys, a, 'marketer');
    const hidden = await api(sys, a, marketer).post('/tag-jobs', { add: [reached], audience: { tag: secret.body.tags[0].id } });
    expect(hidden.status).toBe(400);
    expect(hidden.body.message).toContain('audience');
  });
});
