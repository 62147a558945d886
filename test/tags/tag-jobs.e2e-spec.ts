import { getQueueToken } from '@nestjs/bull';
import { TagJobRunner, TagJobsService } from '@scrm/core';
import { QueueName } from '@scrm/platform';
import { Queue } from 'bull';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { until } from '../support/wait';
import { api, customersOf, markTagCalls, rows, scenario, firstSyncDone } from './support';

const CUSTOMERS = 7;

describe('Bulk tagging jobs', () => {
  let sys: TestSystem;
  let a: SimTenant;
  let b: SimTenant;
  let vip: { id: string; corpTagId: string };
  let tea: string;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    a = await createSimTenant(sys, {
      tags: [{ groupName: 'Level', tags: [{ name: 'vip' }] }],
      customers: Array.from({ length: CUSTOMERS }, (_, i) => ({ externalUserId: `wm_c${i}`, followUsers: [{ userid: i % 2 ? 'lisi' : 'zhangsan' }] })),
    });
    b = await createSimTenant(sys);
    await firstSyncDone(sys, a);
    await firstSyncDone(sys, b);
    vip = ((await api(sys, a).get('/tags')).body as Array<{ name: string; tags: any[] }>).find((g) => g.name === 'Level')!.tags[0];
    tea = (await api(sys, a).post('/tag-groups', { name: 'Interests', kind: 'manual', tags: [{ name: 'tea' }] })).body.tags[0].id;
  });
  afterAll(() => sys.close());

  const job = (id: string) => api(sys, a).get(`/tag-jobs/${id}`);
  const finished = (id: string) => until(async () => (await job(id)).body, (j) => j.status === 'done' || j.status === 'failed', 30_000, `tag job ${id} to end`);
  const holders = async (tagId: string) =>
    Number((await rows(sys, `SELECT count(*)::int AS n FROM customer_tags WHERE tenant_id = $1 AND tag_id = $2`, [a.id, tagId]))[0].n);

  it('tags a list of customers (corp through mark_tag, local here), counting failures with a sample', async () => {
    const customers = await customersOf(sys, a);
    // One customer left every member: corp tags have nowhere to go.
    await scenario(sys, a, 'customer-deletes-member', { userId: 'zhangsan', externalUserId: 'wm_c0' });
    const before = await markTagCalls(a);
    const res = await api(sys, a).post('/tag-jobs', { add: [vip.id, tea], customers: [...customers.map((c) => c.external_user_id), 'wm_nobody'] });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ total: CUSTOMERS + 1, failed: 1, errors: [{ customerId: null, ref: 'wm_nobody', error: 'no such customer' }] });
    const end = await finished(res.body.id);
    expect(end).toMatchObject({ status: 'done', total: CUSTOMERS + 1, done: CUSTOMERS - 1, failed: 2 });
    expect(end.errors[1]).toMatchObject({ customerId: customers.find((c) => c.external_user_id === 'wm_c0')!.id, error: expect.stringContaining('no active relationship') });
    expect(await markTagCalls(a)).toBe(before + CUSTOMERS - 1);
    expect(await holders(vip.id)).toBe(CUSTOMERS - 1);
    expect(await holders(tea)).toBe(CUSTOMERS - 1);
    const sources = await rows(sys, `SELECT DISTINCT source FROM customer_tags WHERE tenant_id = $1 AND tag_id = ANY($2::uuid[])`, [a.id, [vip.id, tea]]);
    expect(sources).toEqual([{ source: 'bulk' }]);

    const removal = await api(sys, a).post('/tag-jobs', { remove: [vip.id, tea], customers: customers.map((c) => c.id) });
    expect(await finished(removal.body.id)).toMatchObject({ status: 'done', done: CUSTOMERS - 1, failed: 1 });
    expect(await holders(vip.id)).toBe(0);
    expect(await holders(tea)).toBe(0);
  });

  it('resumes from its checkpoint after a crash, without redoing the customers it had done', async () => {
    const queue = sys.worker!.get<Queue>(getQueueToken(QueueName.Tags), { strict: false });
    await queue.pause(true); // this worker takes no tag jobs until resumed
    const customers = (await customersOf(sys, a)).filter((c) => c.external_user_id !== 'wm_c0');
    const before = await markTagCalls(a);
    const created = await api(sys, a).post('/tag-jobs', { add: [vip.id], customers: customers.map((c) => c.id) });
    // A worker took the job, did one batch of two, and died; Redis then lost the queued job too.
    expect(await sys.api.get(TagJobRunner).run(a.id, created.body.id, { batchSize: 2, maxBatches: 1 })).toBe('stopped');
    expect((await job(created.body.id)).body).toMatchObject({ status: 'running', done: 2, total: customers.length });
    expect(await markTagCalls(a)).toBe(before + 2);
    await (await queue.getJob(`tag-job:${created.body.id}`))?.remove();
    await rows(sys, `UPDATE tag_jobs SET updated_at = now() - interval '10 minutes' WHERE tenant_id = $1 AND id = $2`, [a.id, created.body.id]);

    expect(await sys.worker!.get(TagJobsService).sweep(120)).toBeGreaterThanOrEqual(1);
    await queue.resume(true);
    expect(await finished(created.body.id)).toMatchObject({ status: 'done', done: customers.length, failed: 0 });
    expect(await markTagCalls(a)).toBe(before + customers.length);
    expect(await holders(vip.id)).toBe(customers.length);
  });

  it('rides out WeCom’s concurrent-modification refusals (45035) on mark_tag', async () => {
    const customers = (await customersOf(sys, a)).filter((c) => c.external_user_id !== 'wm_c0');
    const calls = async () => (await a.sim().get(`/sim/corps/${a.corpId}/calls?api=externalcontact/mark_tag`)).body.byErrcode['45035'] ?? 0;
    const refusedBefore = await calls();
    await a.sim().post('/sim/faults').send({ corpId: a.corpId, api: 'externalcontact/mark_tag', errcode: 45035, count: 3 }).expect(201);
    const created = await api(sys, a).post('/tag-jobs', { remove: [vip.id], customers: customers.map((c) => c.id) });
    expect(await finished(created.body.id)).toMatchObject({ status: 'done', done: customers.length, failed: 0 });
    expect((await calls()) - refusedBefore).toBe(3);
    expect(await holders(vip.id)).toBe(0);
  });

  it('answers bad jobs with 400s naming the field and stores nothing', async () => {
    const other = (await api(sys, b).post('/tag-groups', { name: 'B', kind: 'manual', tags: [{ name: 'b' }] })).body.tags[0].id;
    const cases: Array<[object, string]> = [
      [{ add: [vip.id] }, 'customers'],
      [{ add: [vip.id], customers: ['wm_c1'], audienceId: '00000000-0000-4000-8000-000000000000' }, 'customers'],
      [{ add: [other], customers: ['wm_c1'] }, 'add.0'],
      [{ customers: ['wm_c1'] }, 'add'],
      [{ add: [vip.id], customers: Array.from({ length: 10_001 }, (_, i) => `wm_${i}`) }, 'customers'],
      [{ add: [vip.id], audience: 'everyone' }, 'audience'],
    ];
    const count = async () => (await rows(sys, `SELECT count(*)::int AS n FROM tag_jobs WHERE tenant_id = $1`, [a.id]))[0].n;
    const jobs = await count();
    for (const [body, field] of cases) {
      const res = await api(sys, a).post('/tag-jobs', body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.message).toContain(field);
    }
    expect(await count()).toBe(jobs);
  });

  it('keeps tenants apart: B cannot read A’s job nor tag A’s customers', async () => {
    const mine = await api(sys, a).post('/tag-jobs', { add: [tea], customers: ['wm_c1'] });
    expect((await api(sys, b).get(`/tag-jobs/${mine.body.id}`)).status).toBe(404);
    const bTag = (await api(sys, b).post('/tag-groups', { name: 'B2', kind: 'manual', tags: [{ name: 'b2' }] })).body.tags[0].id;
    const theirs = await api(sys, b).post('/tag-jobs', { add: [bTag], customers: ['wm_c1', (await customersOf(sys, a))[0].id] });
    expect(theirs.body).toMatchObject({ total: 2, failed: 2 });
    expect(await finished(mine.body.id)).toMatchObject({ status: 'done', done: 1 });
    expect(await rows(sys, `SELECT 1 FROM customer_tags WHERE tag_id = $1`, [bTag])).toEqual([]);
  });
});
