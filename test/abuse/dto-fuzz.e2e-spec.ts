import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { bearer, createTenant, OPERATOR, TestTenant, userWithRole } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { ACCESS_TABLE } from './access-table';

/**
 * Every JSON body the API accepts, sent wrong: each field with a wrong type, each string field 100,000 characters
 * long or holding a NUL (Postgres cannot store one), and an unknown field. Each must answer 400 with a message naming the field, and nothing may be written
 * (row counts of every table are compared before and after).
 */
interface Schema {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  $ref?: string;
  allOf?: Schema[];
}
interface Doc {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}
interface Probe {
  route: string;
  field: string;
  body: Record<string, unknown>;
}

const HUGE = 'x'.repeat(100_000);

describe('Admin DTO fuzz: wrong types, huge strings, unknown fields', () => {
  let sys: TestSystem;
  let tenant: TestTenant;
  let probes: Probe[];
  let staff: Record<string, string>;

  beforeAll(async () => {
    sys = await startSystem();
    tenant = await createTenant(sys);
    staff = await userWithRole(sys, tenant, 'staff');
    probes = buildProbes((await sys.http().get('/docs-json')).body as Doc);
  });
  afterAll(() => sys.close());

  it('finds bodies to fuzz', () => {
    expect(probes.length).toBeGreaterThan(20);
  });

  it('answers every malformed body with a 400 naming the field, and writes nothing', async () => {
    const before = await rowCounts();
    const wrong: string[] = [];
    for (const probe of probes) {
      const [method, template] = probe.route.split(' ');
      const path = template.replace(/\{[^}]+\}/g, () => randomUUID());
      const rule = ACCESS_TABLE[probe.route];
      const auth = rule?.includes('operator') ? OPERATOR : Array.isArray(rule) && !rule.includes('admin') && rule.includes('staff') ? staff : bearer(tenant.adminToken);
      const res = await sys.http()[method.toLowerCase() as 'post' | 'put' | 'patch'](path).set(auth).send(probe.body);
      const message = String(res.body?.message ?? '');
      if (res.status !== 400 || !message.includes(probe.field)) {
        wrong.push(`${probe.route} ${probe.field}=${preview(probe.body[probe.field])} → ${res.status} ${message.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  function buildProbes(doc: Doc): Probe[] {
    const out: Probe[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const route = `${method.toUpperCase()} ${path}`;
        const rule = ACCESS_TABLE[route];
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!schema || !Array.isArray(rule) || route === 'POST /api/v1/auth/logout') continue;
        const props = resolve(doc, schema).properties ?? {};
        out.push({ route, field: 'unexpectedField', body: { unexpectedField: 1 } });
        for (const [field, prop] of Object.entries(props)) {
          out.push({ route, field, body: { [field]: wrongValue(resolve(doc, prop)) } });
          if (resolve(doc, prop).type === 'string' && !resolve(doc, prop).enum) {
            out.push({ route, field, body: { [field]: HUGE } }, { route, field, body: { [field]: 'a\u0000b' } });
          }
        }
      }
    }
    return out;
  }

  it('answers a NUL in a path parameter or query with a 400, not a 500', async () => {
    const path = await sys.http().get('/api/v1/customers/wm%00x/profile').set(bearer(tenant.adminToken));
    const query = await sys.http().get('/api/v1/inbox?type=a%00b').set(bearer(tenant.adminToken));
    expect([path.status, path.body.details?.[0]?.field, query.status]).toEqual([400, 'url', 400]);
  });

  async function rowCounts(): Promise<Record<string, number>> {
    const db = sys.api.get(DataSource);
    const tables: { name: string }[] = await db.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = Number((await db.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n);
    return counts;
  }
});

function resolve(doc: Doc, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0]);
  return schema;
}

/** A value of the wrong JSON type for the field (or outside its enum). */
function wrongValue(schema: Schema): unknown {
  if (schema.enum) return 'not-one-of-the-allowed-values';
  switch (schema.type) {
    case 'string':
      return 12345;
    case 'number':
    case 'integer':
      return 'not a number';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not an array';
    default:
      return 'not an object';
  }
}

function preview(value: unknown): string {
  const s = JSON.stringify(value);
  return s.length > 30 ? `${s.slice(0, 27)}...` : s;
}
