import { bearer, createTenant, TestTenant } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';

describe('tenant isolation', () => {
  let sys: TestSystem;
  let a: TestTenant;
  let b: TestTenant;
  let userOfB: string;

  beforeAll(async () => {
    sys = await startSystem();
    [a, b] = [await createTenant(sys), await createTenant(sys)];
    const created = await sys
      .http()
      .post('/api/v1/users')
      .set(bearer(b.adminToken))
      .send({ email: 'only-b@b.test', password: 'correct horse battery', role: 'viewer' });
    userOfB = created.body.id;
  });
  afterAll(() => sys.close());

  it("answers 404 for tenant B's objects to a user of tenant A", async () => {
    const res = await sys.http().get(`/api/v1/users/${userOfB}`).set(bearer(a.adminToken));
    expect(res.status).toBe(404);
    expect((await sys.http().get(`/api/v1/users/${userOfB}`).set(bearer(b.adminToken))).status).toBe(200);
  });

  it("does not list tenant B's objects to tenant A", async () => {
    const listA = await sys.http().get('/api/v1/users').set(bearer(a.adminToken));
    expect(listA.status).toBe(200);
    expect(listA.body.map((u: { email: string }) => u.email)).toEqual([a.adminEmail]);
  });

  it("cannot change or revoke tenant B's objects", async () => {
    const patch = await sys.http().patch(`/api/v1/users/${userOfB}`).set(bearer(a.adminToken)).send({ role: 'admin' });
    expect(patch.status).toBe(404);
    const after = await sys.http().get(`/api/v1/users/${userOfB}`).set(bearer(b.adminToken));
    expect(after.body.role).toBe('viewer');
    const keyOfB = await sys.http().post('/api/v1/api-keys').set(bearer(b.adminToken)).send({ name: 'b', role: 'viewer' });
    expect((await sys.http().delete(`/api/v1/api-keys/${keyOfB.body.id}`).set(bearer(a.adminToken))).status).toBe(404);
    expect((await sys.http().get('/api/v1/tenant').set(bearer(keyOfB.body.key))).status).toBe(200);
  });

  it('shows each tenant only itself', async () => {
    const res = await sys.http().get('/api/v1/tenant').set(bearer(a.adminToken));
    expect(res.body.id).toBe(a.id);
  });

  it('stops every token of a disabled tenant', async () => {
    const c = await createTenant(sys);
    expect((await sys.http().get('/api/v1/tenant').set(bearer(c.adminToken))).status).toBe(200);
    await sys.http().patch(`/api/v1/platform/tenants/${c.id}/status`).set({ Authorization: 'Bearer test-operator-token-0123456789abcdef' }).send({ status: 'disabled' }).expect(200);
    expect((await sys.http().get('/api/v1/tenant').set(bearer(c.adminToken))).status).toBe(401);
  });
});
