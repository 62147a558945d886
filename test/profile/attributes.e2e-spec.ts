import { DataSource } from 'typeorm';
import { bearer, createTenant, TestTenant, userWithRole } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { seedCustomers, SeededCustomer } from './seed-customers';

describe('Customer attributes: definitions, values, CSV import', () => {
  let sys: TestSystem;
  let tenant: TestTenant;
  let other: TestTenant;
  let db: DataSource;
  let customers: SeededCustomer[];

  beforeAll(async () => {
    sys = await startSystem();
    db = sys.api.get(DataSource);
    tenant = await createTenant(sys);
    other = await createTenant(sys);
    customers = await seedCustomers(db, tenant.id, 4);
    for (const def of [
      { key: 'level', label: 'Level', type: 'enum', allowedValues: ['gold', 'silver'] },
      { key: 'ltv', label: 'Lifetime value', type: 'number' },
      { key: 'vip', label: 'VIP', type: 'boolean' },
      { key: 'birthday', label: 'Birthday', type: 'date' },
      { key: 'nickname', label: 'Nickname', type: 'string' },
    ]) {
      expect((await api(tenant).post('/api/v1/attributes').send(def)).status).toBe(201);
    }
  });
  afterAll(() => sys.close());

  const api = (t: TestTenant) => {
    const h = bearer(t.adminToken);
    return {
      post: (url: string) => sys.http().post(url).set(h),
      get: (url: string) => sys.http().get(url).set(h),
      patch: (url: string) => sys.http().patch(url).set(h),
      delete: (url: string) => sys.http().delete(url).set(h),
    };
  };
  const attrs = async (id: string) => (await db.query(`SELECT attributes FROM customers WHERE id = $1`, [id]))[0].attributes;
  const defId = async (key: string) => (await api(tenant).get('/api/v1/attributes')).body.find((d: { key: string }) => d.key === key).id;

  describe('definitions', () => {
    it('refuses a duplicate key (409), a WeCom field name and a non-snake_case key (400 naming key), an enum without values', async () => {
      expect((await api(tenant).post('/api/v1/attributes').send({ key: 'ltv', label: 'x', type: 'number' })).status).toBe(409);
      const wecom = await api(tenant).post('/api/v1/attributes').send({ key: 'name', label: 'x', type: 'string' });
      expect([wecom.status, wecom.body.details[0].field]).toEqual([400, 'key']);
      const camel = await api(tenant).post('/api/v1/attributes').send({ key: 'BadKey', label: 'x', type: 'string' });
      expect([camel.status, camel.body.details[0].field]).toEqual([400, 'key']);
      const noValues = await api(tenant).post('/api/v1/attributes').send({ key: 'tier', label: 'x', type: 'enum' });
      expect([noValues.status, noValues.body.details[0].field]).toEqual([400, 'allowedValues']);
    });

    it('changes a type while no customer holds a value, and refuses (409) once one does', async () => {
      const created = await api(tenant).post('/api/v1/attributes').send({ key: 'score', label: 'Score', type: 'string' });
      expect((await api(tenant).patch(`/api/v1/attributes/${created.body.id}`).send({ type: 'number' })).body.type).toBe('number');
      await api(tenant).patch(`/api/v1/customers/${customers[3].id}/attributes`).send({ values: { score: 5 } }).expect(200);
      expect((await api(tenant).patch(`/api/v1/attributes/${created.body.id}`).send({ type: 'string' })).status).toBe(409);
      // Dropping an enum value someone holds is the same conflict.
      await api(tenant).patch(`/api/v1/customers/${customers[3].id}/attributes`).send({ values: { level: 'silver' } }).expect(200);
      expect((await api(tenant).patch(`/api/v1/attributes/${await defId('level')}`).send({ allowedValues: ['gold'] })).status).toBe(409);
      // Deleting a definition takes its values off every customer.
      await api(tenant).delete(`/api/v1/attributes/${created.body.id}`).expect(204);
      expect(await attrs(customers[3].id)).not.toHaveProperty('score');
    });
  });

  describe('values', () => {
    it('sets typed values by external_userid, removes with null', async () => {
      const c = customers[0];
      const res = await api(tenant)
        .patch(`/api/v1/customers/${c.externalUserId}/attributes`)
        .send({ values: { level: 'gold', ltv: 1200.5, vip: true, birthday: '1990-04-01', nickname: 'Ann' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ customerId: c.id, attributes: { level: 'gold', ltv: 1200.5, vip: true, birthday: '1990-04-01', nickname: 'Ann' } });
      const removed = await api(tenant).patch(`/api/v1/customers/${c.id}/attributes`).send({ values: { nickname: null } });
      expect(removed.body.attributes).not.toHaveProperty('nickname');
    });

    it('refuses bad values naming values.<key>, and writes none of the batch', async () => {
      const c = customers[1];
      const res = await api(tenant)
        .patch(`/api/v1/customers/${c.id}/attributes`)
        .send({ values: { ltv: 'lots', level: 'bronze', vip: 'yes', birthday: '1990-02-30', name: 'New name', unknown_key: 1, nickname: 'ok' } });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
        ['values.birthday', 'values.level', 'values.ltv', 'values.name', 'values.unknown_key', 'values.vip'].sort(),
      );
      expect(await attrs(c.id)).toEqual({});
      const nul = await api(tenant).patch(`/api/v1/customers/${c.id}/attributes`).send({ values: { nickname: 'a\u0000b' } });
      expect([nul.status, nul.body.details?.[0].field]).toEqual([400, 'values.nickname']);
      const label = await api(tenant).post('/api/v1/attributes').send({ key: 'nul_label', label: 'a\u0000', type: 'string' });
      expect([label.status, label.body.details?.[0].field]).toEqual([400, 'label']);
    });

    it('answers 404 for a customer of another tenant', async () => {
      const [theirs] = await seedCustomers(db, other.id, 1);
      const res = await api(tenant).patch(`/api/v1/customers/${theirs.id}/attributes`).send({ values: { ltv: 1 } });
      expect(res.status).toBe(404);
      expect(await attrs(theirs.id)).toEqual({});
      expect((await api(other).get('/api/v1/attributes')).body).toEqual([]);
    });

    it('lets a viewer read definitions but not set values', async () => {
      const viewer = await userWithRole(sys, tenant, 'viewer');
      expect((await sys.http().get('/api/v1/attributes').set(viewer)).status).toBe(200);
      expect((await sys.http().patch(`/api/v1/customers/${customers[0].id}/attributes`).set(viewer).send({ values: { ltv: 1 } })).status).toBe(403);
    });
  });

  describe('CSV import', () => {
    const importCsv = (t: TestTenant, csv: string) =>
      sys.http().post('/api/v1/customers/attributes/import').set(bearer(t.adminToken)).set('Content-Type', 'text/csv').send(csv);

    it('applies good rows, skips bad rows whole and reports each bad cell', async () => {
      const [a, b, c, d] = customers;
      const csv = [
        'external_userid,level,ltv,vip',
        `${a.externalUserId},silver,10,false`,
        `${b.externalUserId},platinum,20,true`, // bad enum: row skipped, ltv 20 not written
        `"${c.externalUserId}",gold,,true`, // empty ltv: unchanged
        `nobody,gold,1,true`,
        `${d.externalUserId},gold,abc,maybe`,
      ].join('\r\n');
      const res = await importCsv(tenant, csv);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        applied: 2,
        failed: 3,
        errors: [
          { row: 3, column: 'level', message: expect.stringContaining('one of') },
          { row: 5, column: 'external_userid', message: expect.stringContaining('no customer') },
          { row: 6, column: 'ltv', message: 'must be a number' },
          { row: 6, column: 'vip', message: 'must be true or false' },
        ],
      });
      expect(await attrs(a.id)).toMatchObject({ level: 'silver', ltv: 10, vip: false });
      expect(await attrs(b.id)).toEqual({});
      expect(await attrs(c.id)).toEqual({ level: 'gold', vip: true });
    });

    it('refuses an unknown column before writing anything, naming it', async () => {
      const res = await importCsv(tenant, `id,ltv,shoe_size\n${customers[1].id},99,42\n`);
      expect(res.status).toBe(400);
      expect(res.body.details[0].field).toBe('shoe_size');
      expect(await attrs(customers[1].id)).toEqual({});
    });

    it('refuses a body that is not CSV, malformed CSV, and a bad first column', async () => {
      const json = await sys.http().post('/api/v1/customers/attributes/import').set(bearer(tenant.adminToken)).send({ a: 1 });
      expect([json.status, json.body.details[0].field]).toEqual([400, 'body']);
      const broken = await importCsv(tenant, 'id,ltv\n"unclosed,1\n');
      expect([broken.status, broken.body.details[0].field]).toEqual([400, 'body']);
      const first = await importCsv(tenant, 'email,ltv\nx,1\n');
      expect([first.status, first.body.details[0].field]).toEqual([400, 'email']);
    });

    it('refuses more than 50,000 rows (400) and a body over 5 MB (413), writing nothing', async () => {
      const rows = Array.from({ length: 50_001 }, (_, i) => `x${i},1`).join('\n');
      const many = await importCsv(tenant, `external_userid,ltv\n${rows}\n`);
      expect([many.status, many.body.details?.[0].field]).toEqual([400, 'rows']);
      const huge = await importCsv(tenant, `external_userid,nickname\n${customers[1].externalUserId},${'y'.repeat(5 * 1024 * 1024)}\n`);
      expect(huge.status).toBe(413);
      expect(await attrs(customers[1].id)).toEqual({});
    });

    it('names customers by unionid and does not reach another tenant’s customers', async () => {
      const [theirs] = await seedCustomers(db, other.id, 1);
      const res = await importCsv(tenant, `unionid,ltv\n${customers[1].unionid},7\n${theirs.unionid},8\n`);
      expect(res.body).toMatchObject({ applied: 1, failed: 1 });
      expect(await attrs(customers[1].id)).toEqual({ ltv: 7 });
      expect(await attrs(theirs.id)).toEqual({});
    });
  });
});
