import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { TenantWeCom } from '@scrm/core';
import { createTenant, TestTenant } from './factories';
import { TestSystem } from './test-system';

export interface SimCorpSeed {
  members?: { userid: string; name?: string; status?: number }[];
  tags?: { groupName: string; tags: { name: string }[] }[];
  customers?: unknown[];
  groupChats?: unknown[];
  /** Corp options; callbacks retry fast by default so tests do not wait on WeCom's pace. */
  options?: Record<string, unknown>;
}

export interface SimTenant extends TestTenant {
  /** `/sim/...` calls against the simulator, e.g. `sim().post('/sim/corps/<corp>/scenarios/scan')`. */
  sim: () => ReturnType<typeof request>;
  /** What the simulator answered to POST /sim/corps (member ids, tag ids, customer ids, chat ids). */
  seeded: Record<string, unknown>;
}

/**
 * A tenant whose WeCom is a corp in the simulator: the corp exists before the tenant (so anything the tenant
 * does on creation finds it), and the corp's callback URL points at this system's api.
 */
export async function createSimTenant(sys: TestSystem, seed: SimCorpSeed = {}): Promise<SimTenant> {
  if (!sys.simUrl) throw new Error('createSimTenant needs startSystem({ sim: true })');
  const sim = () => request(sys.simUrl!);
  const corpId = `ww${randomBytes(6).toString('hex')}`;
  const corpSecret = `secret-${randomBytes(12).toString('hex')}`;
  const callbackToken = randomBytes(8).toString('hex');
  const encodingAesKey = randomBytes(40).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(43, 'a').slice(0, 43);
  const corp = await sim()
    .post('/sim/corps')
    .send({
      corpId,
      corpSecret,
      agentId: 1000002,
      members: seed.members ?? [{ userid: 'zhangsan', name: '张三' }, { userid: 'lisi', name: '李四' }],
      tags: seed.tags,
      customers: seed.customers,
      groupChats: seed.groupChats,
      options: { callbackRetryDelayMs: 50, callbackTimeoutMs: 2_000, ...seed.options },
    });
  if (corp.status !== 201) throw new Error(`sim corp create failed: ${corp.status} ${JSON.stringify(corp.body)}`);
  const tenant = await createTenant(sys, { wecom: { corpId, corpSecret, callbackToken, encodingAesKey } });
  const callback = await sim()
    .put(`/sim/corps/${corpId}/callback`)
    .send({ url: `${sys.apiUrl}/wecom/callback/${tenant.id}`, token: callbackToken, encodingAESKey: encodingAesKey });
  if (callback.status >= 300) throw new Error(`sim callback set failed: ${callback.status} ${JSON.stringify(callback.body)}`);
  return { ...tenant, sim, seeded: corp.body };
}

/** A single-member QR contact way with a `state`, made through the tenant's own WeCom client, for scan scenarios. */
export async function contactWay(sys: TestSystem, tenant: SimTenant, userId = 'zhangsan', state = 'ch_test'): Promise<string> {
  const client = await sys.api.get(TenantWeCom).client(tenant.id);
  return (await client.contactWays.add({ type: 1, scene: 2, user: [userId], state })).config_id;
}
