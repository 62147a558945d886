import { bearer, createTenant, OPERATOR, TestTenant } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';

describe('http edge: health, validation, OpenAPI', () => {
  let sys: TestSystem;
  let tenant: TestTenant;

  beforeAll(async () => {
    sys = await startSystem();
    tenant = await createTenant(sys);
  });
  afterAll(() => sys.close());

  it('reports Postgres, Redis and migrations on /health', async () => {
    const res = await sys.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up', migrations: 'applied' } });
  });

  it('answers 400 naming the field for a wrong type, and for an unknown field', async () => {
    const wrong = await sys.http().post('/api/v1/users').set(bearer(tenant.adminToken)).send({ email: 'x@y.test', password: 'long enough pw', role: 'king' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('Bad Request');
    expect(wrong.body.message).toContain('role');
    expect(wrong.body.details).toEqual([{ field: 'role', errors: [expect.stringContaining('role')] }]);
    const unknown = await sys.http().post('/api/v1/users').set(bearer(tenant.adminToken)).send({ email: 'x@y.test', password: 'long enough pw', role: 'viewer', isRoot: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('isRoot');
    const users = await sys.http().get('/api/v1/users').set(bearer(tenant.adminToken));
    expect(users.body).toHaveLength(1);
  });

  it('names nested fields and leaves nothing half-written when a tenant is refused', async () => {
    const res = await sys.http().post('/api/v1/platform/tenants').set(OPERATOR).send({
      slug: 'half-written', name: 'x', corpId: 'wwhalf', agentId: 1, corpSecret: 's', callbackToken: 't',
      encodingAesKey: 'a'.repeat(43), apiBaseUrl: 'http://127.0.0.1:9/', admin: { email: 'not-an-email', password: 'short' },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['admin.email', 'admin.password']);
    const list = await sys.http().get('/api/v1/platform/tenants').set(OPERATOR);
    expect(list.body.map((t: { slug: string }) => t.slug)).not.toContain('half-written');
  });

  it('answers 409 for a duplicate slug', async () => {
    const res = await sys.http().post('/api/v1/platform/tenants').set(OPERATOR).send({
      slug: tenant.slug, name: 'dup', corpId: 'wwdupe1', agentId: 1, corpSecret: 's', callbackToken: 't',
      encodingAesKey: 'a'.repeat(43), apiBaseUrl: 'http://127.0.0.1:9/', admin: { email: 'a@b.test', password: 'long enough pw' },
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('slug');
  });

  it('describes every route in OpenAPI, each with an auth rule', async () => {
    const doc = (await sys.http().get('/docs-json')).body;
    const paths = Object.keys(doc.paths);
    for (const p of ['/health', '/api/v1/auth/login', '/api/v1/users', '/api/v1/api-keys', '/api/v1/platform/tenants', '/api/v1/tenant']) {
      expect(paths).toContain(p);
    }
    const router = sys.api.getHttpAdapter().getInstance()._router ?? sys.api.getHttpAdapter().getInstance().router;
    const routes: string[] = router.stack.filter((l: { route?: unknown }) => l.route).map((l: { route: { path: string } }) => l.route.path);
    const documented = paths.map((p) => p.replace(/\{(\w+)\}/g, ':$1'));
    for (const r of routes.filter((r) => !r.startsWith('/docs') && !r.startsWith('/{'))) expect(documented).toContain(r);
  });
});
