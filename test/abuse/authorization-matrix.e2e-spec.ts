import { randomUUID } from 'node:crypto';
import { bearer, OPERATOR, createTenant, TestTenant, userWithRole } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { ACCESS_TABLE, Caller } from './access-table';

/**
 * Every route in the OpenAPI document, called with no token, each tenant role and the operator token, against
 * the table below of who is allowed. A route missing from the table (or a table row with no route) fails the
 * suite, so a new route cannot ship without saying who may call it.
 *
 * "Allowed" means the guard let the call through: any answer but 401/403 (the dummy ids and empty bodies used
 * here get 400/404 from the handler, which is the point: nothing is written).
 */
const CALLERS: Caller[] = ['admin', 'marketer', 'viewer', 'staff', 'operator'];
/** Calls that end the caller's own session run last, or they would revoke the tokens the other calls use. */
const LAST = new Set(['POST /api/v1/auth/logout']);

describe('Authorisation matrix: every route, every role', () => {
  let sys: TestSystem;
  let tenant: TestTenant;
  let routes: string[];
  const headers = {} as Record<Caller, Record<string, string>>;

  beforeAll(async () => {
    sys = await startSystem();
    tenant = await createTenant(sys);
    headers.admin = bearer(tenant.adminToken);
    headers.operator = OPERATOR;
    for (const role of ['marketer', 'viewer', 'staff'] as const) headers[role] = await userWithRole(sys, tenant, role);
    const doc = (await sys.http().get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    routes.sort((a, b) => Number(LAST.has(a)) - Number(LAST.has(b)));
  });
  afterAll(() => sys.close());

  it('has a rule for every documented route and a route for every rule', () => {
    expect([...routes].sort()).toEqual(Object.keys(ACCESS_TABLE).sort());
  });

  it('lets exactly the allowed callers through, and nobody without a token', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const rule = ACCESS_TABLE[route];
      if (!rule || rule === 'public' || rule === 'signature') continue;
      const anonymous = await call(route, {});
      if (anonymous !== 401) wrong.push(`${route} without a token → ${anonymous}`);
      for (const caller of CALLERS) {
        const status = await call(route, headers[caller]);
        const allowed = rule.includes(caller);
        const denied = status === 401 || status === 403;
        if (allowed === denied) wrong.push(`${route} as ${caller} → ${status} (${allowed ? 'should pass' : 'should be refused'})`);
        if (status >= 500) wrong.push(`${route} as ${caller} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never answers 401/403 or 500 on a public route', async () => {
    for (const route of routes.filter((r) => ACCESS_TABLE[r] === 'public')) {
      const status = await call(route, {});
      expect({ route, status: status >= 500 || status === 401 || status === 403 ? status : 'ok' }).toEqual({ route, status: 'ok' });
    }
  });

  async function call(route: string, auth: Record<string, string>): Promise<number> {
    const [method, template] = route.split(' ');
    const path = template.replace(/\{[^}]+\}/g, () => randomUUID());
    const req = sys.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set(auth);
    const res = method === 'GET' || method === 'DELETE' ? await req : await req.send({});
    return res.status;
  }
});
