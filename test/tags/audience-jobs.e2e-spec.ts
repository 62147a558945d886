import { AudienceMatcher, AudienceRule, CustomerRefResolver, CustomerTagging, TagJobRunner, TagJobsService } from '@scrm/core';
import { getQueueToken } from '@nestjs/bull';
import { fieldError, JobQueue, QueueName } from '@scrm/platform';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { until } from '../support/wait';
import { api, customersOf, rows, syncsSettled } from './support';

/**
 * The audience path of bulk jobs against the AUDIENCE_MATCHER port, with a tiny matcher that knows one leaf,
 * { tag }: the job pages the audience by customer id and keeps its checkpoint like a list job.
 */
class TagOnlyMatcher implements AudienceMatcher {
  constructor(private readonly db: DataSource) {}
  async validate(_tenantId: string, rule: AudienceRule, path = 'rule'): Promise<void> {
    if (!('tag' in rule)) throw fieldError(path, 'only { tag } here');
  }
  async filter(): Promise<Set<string>> {
    throw new Error('not used by tag jobs');
  }
  async page(tenantId: string, rule: AudienceRule, afterId: string | null, limit: number): Promise<string[]> {
    const found = await this.db.query(
      `SELECT customer_id FROM customer_tags WHERE tenant_id = $1 AND tag_id = $2 AND ($3::uuid IS NULL OR customer_id > $3) ORDER BY customer_id LIMIT $4`,
      [tenantId, (rule as { tag: string }).tag, afterId, limit],
    );
    return found.map((r: { customer_id: string }) => r.customer_id);
  }
  async count(tenantId: string, rule: AudienceRule): Promise<number> {
    return (await this.db.query(`SELECT count(*)::int AS n FROM customer_tags WHERE tenant_id = $1 AND tag_id = $2`, [tenantId, (rule as { tag: string }).tag]))[0].n;
  }
}

describe('Bulk tagging jobs over an audience (port, with a tag-only matcher)', () => {
  let sys: TestSystem;
  let a: SimTenant;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    a = await createSimTenant(sys, { customers: Array.from({ length: 5 }, (_, i) => ({ externalUserId: `wm_a${i}`, followUsers: [{ userid: 'zhangsan' }] })) });
    await syncsSettled(sys, a);
  });
  afterAll(() => sys.close());

  it('tags everyone in the audience, in keyset batches', async () => {
    const group = await api(sys, a).post('/tag-groups', { name: 'Seg', kind: 'manual', tags: [{ name: 'in' }, { name: 'reached' }] });
    const [inTag, reached] = ['in', 'reached'].map((n) => group.body.tags.find((t: { name: string }) => t.name === n).id);
    const customers = await customersOf(sys, a);
    const members = customers.slice(0, 3).map((c) => c.external_user_id);
    await api(sys, a).post('/tag-jobs', { add: [inTag], customers: members });
    await until(() => holders(inTag), (n) => n === 3, 20_000, 'the list job');

    await sys.worker!.get<Queue>(getQueueToken(QueueName.Tags), { strict: false }).pause(true);
    const db = sys.api.get(DataSource);
    const matcher = new TagOnlyMatcher(db);
    const tagging = sys.api.get(CustomerTagging);
    const service = new TagJobsService(db, tagging, sys.api.get(CustomerRefResolver), sys.api.get(JobQueue), matcher);
    const bad = service.create(a.id, { role: 'admin' }, { add: [reached], audience: { staff: 'zhangsan' } }, null);
    await expect(bad).rejects.toMatchObject({ response: { message: expect.stringContaining('audience') } });

    const job = await service.create(a.id, { role: 'admin' }, { add: [reached], audience: { tag: inTag } }, null);
    expect(job).toMatchObject({ total: 3, customerIds: null });
    // Run here, two at a time (the worker's queue is paused: its runner has no matcher of ours).
    const runner = new TagJobRunner(db, tagging, matcher);
    expect(await runner.run(a.id, job.id, { batchSize: 2, maxBatches: 1 })).toBe('stopped');
    expect((await api(sys, a).get(`/tag-jobs/${job.id}`)).body).toMatchObject({ status: 'running', done: 2 });
    expect(await runner.run(a.id, job.id, { batchSize: 2 })).toBe('done');
    expect((await api(sys, a).get(`/tag-jobs/${job.id}`)).body).toMatchObject({ status: 'done', total: 3, done: 3, failed: 0 });
    expect(await holders(reached)).toBe(3);
  });

  async function holders(tagId: string): Promise<number> {
    return (await rows(sys, `SELECT count(*)::int AS n FROM customer_tags WHERE tenant_id = $1 AND tag_id = $2`, [a.id, tagId]))[0].n;
  }
});
