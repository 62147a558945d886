import { TenantUnavailableError, TenantWeCom } from '@scrm/core';
import { OPERATOR } from '../support/factories';
import { createSimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';

describe('TenantWeCom: each tenant reaches its own corp', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem({ sim: true });
  });
  afterAll(() => sys.close());

  it('talks to the corp of the tenant asked for, with that tenant’s decrypted secret', async () => {
    const a = await createSimTenant(sys, { members: [{ userid: 'anna' }] });
    const b = await createSimTenant(sys, { members: [{ userid: 'bert' }, { userid: 'bo' }] });
    const wecom = sys.api.get(TenantWeCom);
    expect(await (await wecom.client(a.id)).staff.getFollowUserList()).toEqual(['anna']);
    expect((await (await wecom.client(b.id)).staff.getFollowUserList()).sort()).toEqual(['bert', 'bo']);
  });

  it('refuses a disabled tenant without calling WeCom, even right after its client was built', async () => {
    const t = await createSimTenant(sys);
    await sys.api.get(TenantWeCom).client(t.id); // cached now; disabling must still take effect at once
    const res = await sys.http().patch(`/api/v1/platform/tenants/${t.id}/status`).set(OPERATOR).send({ status: 'disabled' });
    expect(res.status).toBe(200);
    await expect(sys.api.get(TenantWeCom).client(t.id)).rejects.toBeInstanceOf(TenantUnavailableError);
  });
});
