import { randomUUID } from 'node:crypto';
import { getSignature } from '@wecom/crypto';
import { OPERATOR } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { RecordingHandler } from './support/recording-handler';
import { inboxRows, postCallback, signedCallback, unknownEventXml, until } from './support/inbox-helpers';

jest.setTimeout(60_000);

describe('callback intake refuses bad input: right status, nothing stored, counted', () => {
  const handler = new RecordingHandler();
  let sys: TestSystem;
  let tenant: SimTenant;
  let disabled: SimTenant;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true, eventHandler: handler });
    [tenant, disabled] = [await createSimTenant(sys), await createSimTenant(sys)];
    await sys.http().patch(`/api/v1/platform/tenants/${disabled.id}/status`).set(OPERATOR).send({ status: 'disabled' }).expect(200);
  });
  afterAll(() => sys.close());

  const counts = async (): Promise<Record<string, number>> =>
    (await sys.http().get('/api/v1/platform/inbox/rejections').set(OPERATOR).expect(200)).body.counts;

  const valid = () => signedCallback(tenant, unknownEventXml(tenant.corpId, Math.floor(Math.random() * 1e9)));

  it.each([
    ['an unknown tenant', 404, 'unknown_tenant', () => ({ tenantId: randomUUID(), ...valid() })],
    ['a tenant id that is not a uuid', 404, 'unknown_tenant', () => ({ tenantId: 'not-a-uuid', ...valid() })],
    ['a disabled tenant', 404, 'unknown_tenant', () => ({ tenantId: disabled.id, ...signedCallback(disabled, unknownEventXml(disabled.corpId)) })],
    ['a bad signature', 401, 'bad_signature', () => {
      const v = valid();
      return { tenantId: tenant.id, ...v, query: { ...v.query, msg_signature: '0'.repeat(40) } };
    }],
    ['no signature at all', 401, 'bad_signature', () => ({ tenantId: tenant.id, ...valid(), query: {} })],
    ['a message for another corp (receive id)', 401, 'foreign_receive_id', () => ({
      tenantId: tenant.id,
      ...signedCallback(tenant, unknownEventXml('wwsomeoneelse'), 'wwsomeoneelse'),
    })],
    ['a body that is not XML', 400, 'bad_xml', () => ({ tenantId: tenant.id, query: valid().query, body: '{"not":"xml"}' })],
    ['XML without Encrypt', 400, 'bad_xml', () => ({ tenantId: tenant.id, query: valid().query, body: '<xml><ToUserName>x</ToUserName></xml>' })],
    ['an empty body', 400, 'bad_xml', () => ({ tenantId: tenant.id, query: valid().query, body: '' })],
    ['a signed Encrypt that does not decrypt', 400, 'bad_xml', () => {
      const encrypt = Buffer.alloc(64, 7).toString('base64');
      const q = valid().query;
      return { tenantId: tenant.id, query: { ...q, msg_signature: getSignature(tenant.callbackToken, q.timestamp, q.nonce, encrypt) }, body: `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>` };
    }],
    ['a body over 64 KiB', 413, 'too_large', () => {
      const v = valid();
      return { tenantId: tenant.id, query: v.query, body: v.body.replace('</xml>', `<Pad>${'x'.repeat(65 * 1024)}</Pad></xml>`) };
    }],
  ])('%s → %i', async (_what, status, reason, make) => {
    const before = await counts();
    const { tenantId, query, body } = make();
    const res = await postCallback(sys, tenantId, query as Record<string, string>, body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status });
    expect((await counts())[reason] ?? 0).toBe((before[reason] ?? 0) + 1);
    expect(await inboxRows(sys, tenant.id)).toHaveLength(0);
    expect(await inboxRows(sys, disabled.id)).toHaveLength(0);
  });

  it('URL verification refuses a bad signature (401) and an unknown tenant (404)', async () => {
    const v = valid();
    const bad = await sys.http().get(`/wecom/callback/${tenant.id}`).query({ ...v.query, msg_signature: 'f'.repeat(40), echostr: v.encrypt });
    expect(bad.status).toBe(401);
    const unknown = await sys.http().get(`/wecom/callback/${randomUUID()}`).query({ ...v.query, echostr: v.encrypt });
    expect(unknown.status).toBe(404);
    const noEcho = await sys.http().get(`/wecom/callback/${tenant.id}`).query(v.query);
    expect(noEcho.status).toBe(400);
  });

  it('after all of that, a valid callback is still stored and processed', async () => {
    const { query, body } = valid();
    expect((await postCallback(sys, tenant.id, query, body)).status).toBe(200);
    const rows = await until(() => inboxRows(sys, tenant.id), (rs) => rs[0]?.status === 'done', 10_000, 'the row processed');
    expect(rows).toMatchObject([{ status: 'done', result: 'acknowledged' }]);
  });

  it('only the platform operator reads the rejection counters', async () => {
    const res = await sys.http().get('/api/v1/platform/inbox/rejections').set({ Authorization: `Bearer ${tenant.adminToken}` });
    expect(res.status).toBe(401); // operator routes know only the operator token
  });
});
