import { bearer, createTenant, TestTenant, userWithRole } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';

describe('access: authentication and roles', () => {
  let sys: TestSystem;
  let tenant: TestTenant;

  beforeAll(async () => {
    sys = await startSystem();
    tenant = await createTenant(sys);
  });
  afterAll(() => sys.close());

  it('answers 401 without a token and with an unknown one, in the error shape', async () => {
    const missing = await sys.http().get('/api/v1/users');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Missing bearer token' });
    const forged = `scrm_${tenant.id.replace(/-/g, '')}_${'A'.repeat(43)}`;
    expect((await sys.http().get('/api/v1/users').set(bearer(forged))).status).toBe(401);
    expect((await sys.http().get('/api/v1/users').set(bearer('garbage'))).status).toBe(401);
  });

  it('lets a viewer read the tenant but not write (403)', async () => {
    const viewer = await userWithRole(sys, tenant, 'viewer');
    expect((await sys.http().get('/api/v1/tenant').set(viewer)).status).toBe(200);
    const write = await sys.http().put('/api/v1/tenant/wecom').set(viewer).send({ agentId: 5 });
    expect(write.status).toBe(403);
    expect(write.body.message).toContain("Role 'viewer'");
    expect((await sys.http().post('/api/v1/users').set(viewer).send({})).status).toBe(403);
  });

  it('revokes a session on logout', async () => {
    const marketer = await userWithRole(sys, tenant, 'marketer');
    expect((await sys.http().get('/api/v1/tenant').set(marketer)).status).toBe(200);
    expect((await sys.http().post('/api/v1/auth/logout').set(marketer)).status).toBe(204);
    expect((await sys.http().get('/api/v1/tenant').set(marketer)).status).toBe(401);
  });

  it('ends the sessions of a disabled user', async () => {
    const viewer = await userWithRole(sys, tenant, 'viewer');
    await sys.http().patch(`/api/v1/users/${viewer.id}`).set(bearer(tenant.adminToken)).send({ disabled: true }).expect(200);
    expect((await sys.http().get('/api/v1/tenant').set(viewer)).status).toBe(401);
  });

  it('issues API keys that act with their role until revoked, showing the key only once', async () => {
    const created = await sys.http().post('/api/v1/api-keys').set(bearer(tenant.adminToken)).send({ name: 'crm', role: 'viewer' });
    expect(created.status).toBe(201);
    const key = bearer(created.body.key);
    expect((await sys.http().get('/api/v1/tenant').set(key)).status).toBe(200);
    expect((await sys.http().post('/api/v1/users').set(key).send({})).status).toBe(403);
    const listed = await sys.http().get('/api/v1/api-keys').set(bearer(tenant.adminToken));
    expect(listed.body.map((k: { id: string }) => k.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    await sys.http().delete(`/api/v1/api-keys/${created.body.id}`).set(bearer(tenant.adminToken)).expect(204);
    expect((await sys.http().get('/api/v1/tenant').set(key)).status).toBe(401);
  });

  it('locks an account after 5 failed logins (429) and does not reveal whether the email exists', async () => {
    const attempt = (email: string) =>
      sys.http().post('/api/v1/auth/login').send({ tenant: tenant.slug, email, password: 'wrong password' });
    const unknown = await attempt('nobody@nowhere.test');
    const known = await attempt(tenant.adminEmail);
    expect([unknown.status, known.status]).toEqual([401, 401]);
    expect(unknown.body.message).toBe(known.body.message);
    for (let i = 0; i < 4; i++) await attempt(tenant.adminEmail);
    const locked = await sys.http().post('/api/v1/auth/login').send({ tenant: tenant.slug, email: tenant.adminEmail, password: 'correct horse battery' });
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/Too many failed logins/);
  });

  it('refuses the operator routes to tenant admins and tenant routes to the operator token', async () => {
    expect((await sys.http().get('/api/v1/platform/tenants').set(bearer(tenant.adminToken))).status).toBe(401);
    expect((await sys.http().get('/api/v1/users').set(bearer('test-operator-token-0123456789abcdef'))).status).toBe(401);
  });
});
