import { randomUUID } from 'node:crypto';
import { getSignature } from '@wecom/crypto';
import { JobName, JobQueue } from '@scrm/platform';
import { OPERATOR } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { inboxRows, postCallback, signedCallback, unknownEventXml } from '../inbox/support/inbox-helpers';

/**
 * Random garbage at the callback endpoint: bodies, signatures, timestamps, nonces and tenant ids, alone and
 * mixed with pieces of a valid callback. Never a 5xx, never a 2xx, nothing stored, nothing queued.
 * The generator is seeded, so a failure names the case number and reproduces.
 */
const CASES = 400;

describe('Callback fuzz: nothing invalid gets in, nothing crashes', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let disabled: SimTenant;

  beforeAll(async () => {
    sys = await startSystem({ sim: true });
    [tenant, disabled] = [await createSimTenant(sys), await createSimTenant(sys)];
    await sys.http().patch(`/api/v1/platform/tenants/${disabled.id}/status`).set(OPERATOR).send({ status: 'disabled' }).expect(200);
  });
  afterAll(() => sys.close());

  it(`answers ${CASES} malformed callbacks with a 4xx and stores none`, async () => {
    const rand = seeded(20261201);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const junk = (max: number) => Buffer.from(Array.from({ length: Math.floor(rand() * max) }, () => Math.floor(rand() * 256))).toString(pick(['utf8', 'base64', 'latin1'] as const));
    const wrong: string[] = [];
    const queued = await queuedJobs();

    for (let i = 0; i < CASES; i++) {
      const valid = signedCallback(tenant, unknownEventXml(tenant.corpId, 1_700_000_000 + i));
      const tenantId = pick([tenant.id, tenant.id, tenant.id, disabled.id, randomUUID(), junk(40).replace(/[/?#%]/g, '') || 'x', "1' OR '1'='1"]);
      const signature = pick([valid.query.msg_signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')), junk(60), '', 'f'.repeat(40)]);
      const query = pick<Record<string, string>>([
        { ...valid.query, msg_signature: signature },
        { ...valid.query, timestamp: String(Math.floor(rand() * 2 ** 40)) }, // signature no longer covers it
        { ...valid.query, nonce: junk(20) },
        { msg_signature: signature },
        {},
      ]);
      const body = pick([
        junk(2_000),
        `<xml><Encrypt><![CDATA[${junk(300)}]]></Encrypt></xml>`,
        valid.body.slice(0, Math.floor(rand() * valid.body.length)),
        valid.body.replace(/<Encrypt><!\[CDATA\[(.)/, (_m, c: string) => `<Encrypt><![CDATA[${c === 'A' ? 'B' : 'A'}`),
        `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(50)}">]><xml><Encrypt>&a;&a;&a;</Encrypt></xml>`,
        JSON.stringify({ Encrypt: valid.encrypt }),
        '',
      ]);
      // A correctly signed Encrypt that is not ours to decrypt, now and then, so decryption is fuzzed too.
      if (tenantId === tenant.id && rand() < 0.15) {
        const encrypt = Buffer.from(junk(200) || 'x').toString('base64');
        query.msg_signature = getSignature(tenant.callbackToken, valid.query.timestamp, valid.query.nonce, encrypt);
        query.timestamp = valid.query.timestamp;
        query.nonce = valid.query.nonce;
        const res = await postCallback(sys, tenantId, query, `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
        if (res.status < 400 || res.status >= 500) wrong.push(`case ${i} (signed junk) → ${res.status}`);
        continue;
      }
      const res = await postCallback(sys, tenantId, query, body);
      if (res.status < 400 || res.status >= 500) wrong.push(`case ${i} → ${res.status} ${JSON.stringify(res.body).slice(0, 100)}`);
    }

    expect(wrong).toEqual([]);
    expect(await inboxRows(sys, tenant.id)).toHaveLength(0);
    expect(await inboxRows(sys, disabled.id)).toHaveLength(0);
    expect(await queuedJobs()).toBe(queued);
  });

  /** Jobs ever left in the inbox queue (earlier specs share it; compare before and after). */
  async function queuedJobs(): Promise<number> {
    const jobs = await sys.api.get(JobQueue).queue(JobName.ProcessInboxEvent).getJobCounts();
    return jobs.waiting + jobs.active + jobs.delayed + jobs.completed + jobs.failed;
  }

  it('still takes a valid callback afterwards', async () => {
    const { query, body } = signedCallback(tenant, unknownEventXml(tenant.corpId));
    expect((await postCallback(sys, tenant.id, query, body)).status).toBe(200);
    expect(await inboxRows(sys, tenant.id)).toHaveLength(1);
  });
});

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
