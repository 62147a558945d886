import { randomBytes } from 'node:crypto';
import { TenantRole } from '@scrm/platform';
import { TestSystem } from './test-system';

export const OPERATOR = { Authorization: 'Bearer test-operator-token-0123456789abcdef' };

export interface TestTenant {
  id: string;
  slug: string;
  corpId: string;
  corpSecret: string;
  callbackToken: string;
  encodingAesKey: string;
  agentId: number;
  adminToken: string;
  adminEmail: string;
}

const alnum = (n: number) => randomBytes(n * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, n);

/** A tenant with fresh WeCom settings and a logged-in admin. Each spec owns its tenants. */
export interface TenantOverrides {
  apiBaseUrl?: string;
  slug?: string;
  wecom?: Partial<Pick<TestTenant, 'corpId' | 'corpSecret' | 'callbackToken' | 'encodingAesKey'>>;
}

export async function createTenant(sys: TestSystem, overrides: TenantOverrides = {}): Promise<TestTenant> {
  const suffix = randomBytes(4).toString('hex');
  const body = {
    slug: overrides.slug ?? `t-${suffix}`,
    name: `Tenant ${suffix}`,
    corpId: `ww${suffix}${alnum(6)}`,
    agentId: 1000002,
    corpSecret: `secret-${alnum(24)}`,
    callbackToken: alnum(16),
    encodingAesKey: alnum(43),
    apiBaseUrl: overrides.apiBaseUrl ?? (sys.simUrl ? `${sys.simUrl}/cgi-bin/` : 'http://127.0.0.1:9/cgi-bin/'),
    admin: { email: `admin@${suffix}.test`, password: 'correct horse battery' },
    ...overrides.wecom,
  };
  const created = await sys.http().post('/api/v1/platform/tenants').set(OPERATOR).send(body);
  if (created.status !== 201) throw new Error(`tenant create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const adminToken = await login(sys, body.slug, body.admin.email, body.admin.password);
  return { ...body, id: created.body.id, adminToken, adminEmail: body.admin.email };
}

export async function login(sys: TestSystem, tenant: string, email: string, password: string): Promise<string> {
  const res = await sys.http().post('/api/v1/auth/login').send({ tenant, email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** Creates a user with the role and returns a bearer header for them. */
export async function userWithRole(sys: TestSystem, tenant: TestTenant, role: TenantRole): Promise<{ Authorization: string; id: string }> {
  const email = `${role}-${randomBytes(3).toString('hex')}@${tenant.slug}.test`;
  const res = await sys
    .http()
    .post('/api/v1/users')
    .set(bearer(tenant.adminToken))
    .send({ email, password: 'correct horse battery', role });
  if (res.status !== 201) throw new Error(`user create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...bearer(await login(sys, tenant.slug, email, 'correct horse battery')), id: res.body.id };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
