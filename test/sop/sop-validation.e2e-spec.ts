import { DataSource } from 'typeorm';
import { bearer } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';

const STEP = { offset: { amount: 1, unit: 'hours' }, delivery: 'mass_send', text: 'Hello' };
const VALID = { name: 'Valid', target: 'customer', trigger: { type: 'customer_added' }, steps: [STEP] };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('invalid SOPs: 400 naming the field, nothing written', () => {
  let sys: TestSystem;
  let tenant: SimTenant;

  beforeAll(async () => {
    sys = await startSystem({ sim: true });
    tenant = await createSimTenant(sys);
  });
  afterAll(() => sys.close());

  const sopCount = async () => (await sys.api.get(DataSource).query(`SELECT count(*)::int AS n FROM sops WHERE tenant_id = $1`, [tenant.id]))[0].n;

  it.each([
    ['no steps', 'steps', { ...VALID, steps: [] }],
    ['offset < 0', 'steps.0.offset.amount', { ...VALID, steps: [{ ...STEP, offset: { amount: -5, unit: 'minutes' } }] }],
    ['steps out of order', 'steps.1.offset', { ...VALID, steps: [STEP, { ...STEP, offset: { amount: 10, unit: 'minutes' } }] }],
    ['no content', 'steps.0.text', { ...VALID, steps: [{ offset: STEP.offset, delivery: 'mass_send' }] }],
    ['unknown delivery', 'steps.0.delivery', { ...VALID, steps: [{ ...STEP, delivery: 'fax' }] }],
    ['unknown tag', 'trigger.tagId', { ...VALID, trigger: { type: 'tag_added', tagId: UNKNOWN } }],
    ['tag trigger without tag', 'trigger.tagId', { ...VALID, trigger: { type: 'tag_added' } }],
    ['unknown channel', 'trigger.channelId', { ...VALID, trigger: { type: 'customer_added', channelId: UNKNOWN } }],
    ['cron that never fires', 'trigger.expression', { ...VALID, trigger: { type: 'cron', expression: '0 9 31 2 *' } }],
    ['cron that does not parse', 'trigger.expression', { ...VALID, trigger: { type: 'cron', expression: 'every monday' } }],
    ['once in the past', 'trigger.at', { ...VALID, trigger: { type: 'once', at: '2020-01-01T00:00:00Z' } }],
    ['weekday 8', 'trigger.weekdays', { ...VALID, trigger: { type: 'weekly', weekdays: [8], time: '09:00' } }],
    ['bad time', 'trigger.time', { ...VALID, trigger: { type: 'daily', time: '25:00' } }],
    ['group SOP on an event', 'trigger.type', { ...VALID, target: 'group', trigger: { type: 'customer_added' } }],
    ['audience on a group SOP', 'audience', { ...VALID, target: 'group', trigger: { type: 'daily', time: '09:00' }, audience: { tag: UNKNOWN } }],
    ['unknown tag in the audience', 'audience', { ...VALID, audience: { tag: UNKNOWN } }],
    ['unknown media', 'steps.0.attachments.0.mediaAssetId', { ...VALID, steps: [{ ...STEP, attachments: [{ type: 'file', mediaAssetId: UNKNOWN }] }] }],
  ])('%s → 400 naming %s', async (_name, field, body) => {
    const before = await sopCount();
    const res = await sys.http().post('/api/v1/sops').set(bearer(tenant.adminToken)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { field: string }) => d.field).some((f: string) => f.startsWith(field))).toBe(true);
    expect(await sopCount()).toBe(before);
  });

  it('a valid SOP is created as a draft; edits add versions; an archived SOP cannot change', async () => {
    const admin = bearer(tenant.adminToken);
    const created = await sys.http().post('/api/v1/sops').set(admin).send(VALID);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1 });
    const renamed = await sys.http().patch(`/api/v1/sops/${created.body.id}`).set(admin).send({ name: 'Renamed' });
    expect(renamed.body).toMatchObject({ name: 'Renamed', version: 1 });
    const edited = await sys.http().patch(`/api/v1/sops/${created.body.id}`).set(admin).send({ steps: [{ ...STEP, text: 'Hello again' }] });
    expect(edited.body).toMatchObject({ version: 2, steps: [{ text: 'Hello again' }] });
    expect((await sys.http().post(`/api/v1/sops/${created.body.id}/pause`).set(admin)).status).toBe(409);
    expect((await sys.http().post(`/api/v1/sops/${created.body.id}/archive`).set(admin)).status).toBe(200);
    expect((await sys.http().patch(`/api/v1/sops/${created.body.id}`).set(admin).send({ name: 'x' })).status).toBe(409);
  });
});
