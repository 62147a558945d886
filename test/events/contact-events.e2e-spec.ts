import { DomainEvent, WECOM_EVENT_HANDLER, WeComEventHandler } from '@scrm/core';
import { parseEvent } from '@scrm/wechat-work-sdk';
import { loadFixture } from '../../libs/wechat-work-sdk/src/events/fixtures/load-fixture';
import { bearer } from '../support/factories';
import { waitFor } from '../support/spawn-process';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { advanceSimClock, contactWay, detachCallbacks, handOver, recordEvents, rows, scenario, scenarioOnly } from './support';

describe('change_external_contact events keep customers and relationships true', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let tagIds: string[];
  let events: Array<{ name: string; payload: any }>;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys, { tags: [{ groupName: 'Level', tags: [{ name: 'gold' }, { name: 'silver' }] }] });
    tagIds = (tenant.seeded.tags as Array<{ tags: Array<{ id: string }> }>)[0].tags.map((t) => t.id);
    events = recordEvents(sys, Object.values(DomainEvent));
  });
  afterAll(() => sys.close());

  const relationship = async (userId: string, ext: string) =>
    (await rows(sys, `SELECT * FROM relationships WHERE tenant_id = $1 AND user_id = $2 AND external_user_id = $3`, [tenant.id, userId, ext]))[0];
  const timeline = (ext: string) =>
    rows(sys, `SELECT type, user_id, data FROM timeline_entries WHERE tenant_id = $1 AND external_user_id = $2 ORDER BY occurred_at, created_at`, [tenant.id, ext]);
  const emitted = (name: string, ext: string) => events.filter((e) => e.name === name && e.payload.externalUserId === ext);

  it('a scan produces the customer, the relationship with its state, a timeline entry and customer.added', async () => {
    const configId = await contactWay(sys, tenant, 'zhangsan', 'ch_42');
    const scan = await scenario(sys, tenant, 'scan', { configId, customer: { name: 'Wang Wu', gender: 1 } });

    const [customer] = await rows(sys, `SELECT * FROM customers WHERE tenant_id = $1 AND external_user_id = $2`, [tenant.id, scan.externalUserId]);
    expect(customer).toMatchObject({ name: 'Wang Wu', gender: 1, type: 1 });
    expect(customer.first_seen_at).toBeInstanceOf(Date);
    expect(await relationship('zhangsan', scan.externalUserId)).toMatchObject({ status: 'active', state: 'ch_42', add_way: 1 });
    expect(await timeline(scan.externalUserId)).toEqual([
      expect.objectContaining({ type: 'customer.added', user_id: 'zhangsan', data: expect.objectContaining({ state: 'ch_42', firstTime: true }) }),
    ]);
    expect(emitted(DomainEvent.CustomerAdded, scan.externalUserId)).toEqual([
      { name: 'customer.added', payload: expect.objectContaining({ tenantId: tenant.id, userId: 'zhangsan', state: 'ch_42', firstTime: true, addWay: 1 }) },
    ]);
  });

  it('a half add is an add too, and a second member adding the same customer is not a first time', async () => {
    const first = await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'zhangsan', 'a') });
    await advanceSimClock(tenant, 2_000);
    await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'lisi', 'b'), externalUserId: first.externalUserId, half: true });
    expect(await relationship('lisi', first.externalUserId)).toMatchObject({ status: 'active', state: 'b' });
    const added = emitted(DomainEvent.CustomerAdded, first.externalUserId).map((e) => [e.payload.userId, e.payload.firstTime]);
    expect(added).toEqual([['zhangsan', true], ['lisi', false]]);
  });

  it('the same event processed again writes no second timeline entry and leaves the same state', async () => {
    const scan = await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'zhangsan', 'r') });
    const before = await relationship('zhangsan', scan.externalUserId);
    // WeCom's re-deliveries, then an admin replaying the stored event: the handler really runs again.
    await tenant.sim().post(`/sim/corps/${tenant.corpId}/deliveries/${scan.deliveryId}/redeliver?times=3`).expect(201);
    const [inbox] = await rows(sys, `SELECT id FROM inbox_events WHERE tenant_id = $1 AND type = 'add_external_contact' AND xml LIKE $2`, [tenant.id, `%${scan.externalUserId}%`]);
    for (let i = 0; i < 2; i++) {
      const [{ processed_at: last }] = await rows(sys, `SELECT processed_at FROM inbox_events WHERE tenant_id = $1 AND id = $2`, [tenant.id, inbox.id]);
      expect((await sys.http().post(`/api/v1/inbox/${inbox.id}/replay`).set(bearer(tenant.adminToken))).status).toBe(200);
      await waitFor(async () => {
        const [row] = await rows(sys, `SELECT status, processed_at FROM inbox_events WHERE tenant_id = $1 AND id = $2`, [tenant.id, inbox.id]);
        return row.status === 'done' && row.processed_at > last;
      }, 10_000, 'the replay');
    }
    expect(await timeline(scan.externalUserId)).toHaveLength(1);
    expect(await relationship('zhangsan', scan.externalUserId)).toMatchObject({ status: before.status, status_at: before.status_at, state: 'r' });
    expect((await rows(sys, `SELECT count(*)::int AS n FROM customers WHERE tenant_id = $1 AND external_user_id = $2`, [tenant.id, scan.externalUserId]))[0].n).toBe(1);
  });

  it('an edit brings remark, description, mobiles and tags over, with customer.tagged / untagged', async () => {
    const scan = await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'zhangsan', 'e') });
    const pair = { userId: 'zhangsan', externalUserId: scan.externalUserId };
    await scenario(sys, tenant, 'member-edits-customer', { ...pair, remark: 'VIP', description: 'met at fair', remarkMobiles: ['13800000000'], addTags: tagIds });
    expect(await relationship('zhangsan', scan.externalUserId)).toMatchObject({ remark: 'VIP', description: 'met at fair', remark_mobiles: ['13800000000'] });
    const tags = async () => (await rows(sys, `SELECT tag_id, source FROM relationship_tags WHERE tenant_id = $1 AND external_user_id = $2 ORDER BY tag_id`, [tenant.id, scan.externalUserId]));
    expect(await tags()).toEqual([...tagIds].sort().map((tag_id) => ({ tag_id, source: 'wecom' })));

    await advanceSimClock(tenant, 1_000); // two edits in one second share WeCom's event key
    await scenario(sys, tenant, 'member-edits-customer', { ...pair, removeTags: [tagIds[0]] });
    expect((await tags()).map((t) => t.tag_id)).toEqual([tagIds[1]]);
    expect(emitted(DomainEvent.CustomerTagged, scan.externalUserId)[0].payload.tagIds).toEqual([...tagIds].sort());
    expect(emitted(DomainEvent.CustomerUntagged, scan.externalUserId)[0].payload.tagIds).toEqual([tagIds[0]]);
    expect((await timeline(scan.externalUserId)).map((t) => t.type)).toEqual(['customer.added', 'customer.edited', 'customer.edited']);
  });

  it('del_external_contact marks the relationship deleted by the member; del_follow_user by the customer', async () => {
    const a = await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'zhangsan', 'd1') });
    const b = await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'lisi', 'd2') });
    await advanceSimClock(tenant, 2_000);
    await scenario(sys, tenant, 'member-deletes-customer', { userId: 'zhangsan', externalUserId: a.externalUserId });
    await scenario(sys, tenant, 'customer-deletes-member', { userId: 'lisi', externalUserId: b.externalUserId });
    expect(await relationship('zhangsan', a.externalUserId)).toMatchObject({ status: 'deleted_by_member' });
    expect(await relationship('lisi', b.externalUserId)).toMatchObject({ status: 'deleted_by_customer' });
    expect(emitted(DomainEvent.CustomerDeleted, a.externalUserId).map((e) => e.payload.by)).toEqual(['member']);
    expect(emitted(DomainEvent.CustomerDeleted, b.externalUserId).map((e) => e.payload.by)).toEqual(['customer']);
    expect((await timeline(b.externalUserId)).map((t) => t.type)).toEqual(['customer.added', 'customer.deleted']);
  });

  it('a delete processed before its add ends exactly as in order: deleted, both entries, no customer.added', async () => {
    const quiet = await createSimTenant(sys);
    await detachCallbacks(quiet);
    const run = async (order: 'in' | 'reversed') => {
      const scan = await scenarioOnly(quiet, 'scan', { configId: await contactWay(sys, quiet, 'zhangsan', `o-${order}`) });
      await advanceSimClock(quiet, 1_000);
      const del = await scenarioOnly(quiet, 'customer-deletes-member', { userId: 'zhangsan', externalUserId: scan.externalUserId });
      const ids = order === 'in' ? [scan.deliveryId, del.deliveryId] : [del.deliveryId, scan.deliveryId];
      for (const id of ids) await handOver(sys, quiet, id);
      for (const id of ids) await handOver(sys, quiet, id); // and each again: a replay changes nothing
      const [rel] = await rows(sys, `SELECT status FROM relationships WHERE tenant_id = $1 AND external_user_id = $2`, [quiet.id, scan.externalUserId]);
      const entries = await rows(sys, `SELECT type FROM timeline_entries WHERE tenant_id = $1 AND external_user_id = $2 ORDER BY occurred_at`, [quiet.id, scan.externalUserId]);
      return { status: rel.status, timeline: entries.map((t) => t.type), ext: scan.externalUserId };
    };
    const inOrder = await run('in');
    const reversed = await run('reversed');
    expect(inOrder).toMatchObject({ status: 'deleted_by_customer', timeline: ['customer.added', 'customer.deleted'] });
    expect(reversed).toMatchObject({ status: inOrder.status, timeline: inOrder.timeline });
    // Processed late, the add is history: no welcome or SOP should start for a customer already gone.
    expect(emitted(DomainEvent.CustomerAdded, reversed.ext)).toEqual([]);
  });

  it('add, edit and delete of the same relationships handled all at once: no deadlock, the latest change wins', async () => {
    const quiet = await createSimTenant(sys);
    await detachCallbacks(quiet);
    const configId = await contactWay(sys, quiet, 'zhangsan', 'burst');
    const ids: string[] = [];
    const customers: string[] = [];
    for (let i = 0; i < 8; i++) {
      const scan = await scenarioOnly(quiet, 'scan', { configId });
      customers.push(scan.externalUserId);
      ids.push(scan.deliveryId);
    }
    await advanceSimClock(quiet, 1_000);
    for (const ext of customers) ids.push((await scenarioOnly(quiet, 'member-edits-customer', { userId: 'zhangsan', externalUserId: ext, remark: 'x' })).deliveryId);
    await advanceSimClock(quiet, 1_000);
    for (const ext of customers) ids.push((await scenarioOnly(quiet, 'member-deletes-customer', { userId: 'zhangsan', externalUserId: ext })).deliveryId);

    const outcomes = await Promise.allSettled([...ids, ...ids.reverse()].map((id) => handOver(sys, quiet, id)));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const statuses = await rows(sys, `SELECT status, count(*)::int AS n FROM relationships WHERE tenant_id = $1 GROUP BY status`, [quiet.id]);
    expect(statuses).toEqual([{ status: 'deleted_by_member', n: 8 }]);
  });

  it('a customer who comes back after a delete is active again', async () => {
    const configId = await contactWay(sys, tenant, 'zhangsan', 'back');
    const scan = await scenario(sys, tenant, 'scan', { configId });
    await advanceSimClock(tenant, 1_000);
    await scenario(sys, tenant, 'customer-deletes-member', { userId: 'zhangsan', externalUserId: scan.externalUserId });
    await advanceSimClock(tenant, 1_000);
    await scenario(sys, tenant, 'scan', { configId, externalUserId: scan.externalUserId });
    expect(await relationship('zhangsan', scan.externalUserId)).toMatchObject({ status: 'active' });
    expect(emitted(DomainEvent.CustomerAdded, scan.externalUserId).map((e) => e.payload.firstTime)).toEqual([true, false]);
  });

  it('a delete by staff transfer keeps its Source on the timeline', async () => {
    const scan = await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'zhangsan', 'tr') });
    await advanceSimClock(tenant, 1_000);
    await scenario(sys, tenant, 'member-deletes-customer', { userId: 'zhangsan', externalUserId: scan.externalUserId, byTransfer: true });
    expect((await timeline(scan.externalUserId)).at(-1)).toMatchObject({ type: 'customer.deleted', data: { by: 'member', source: 'DELETE_BY_TRANSFER' } });
  });

  it('an event we do not know is skipped and changes nothing', async () => {
    const handler = sys.worker!.get<WeComEventHandler>(WECOM_EVENT_HANDLER, { strict: false });
    const before = await rows(sys, `SELECT count(*)::int AS n FROM timeline_entries WHERE tenant_id = $1`, [tenant.id]);
    for (const fixture of ['unknown-event.xml', 'chat-update-unknown-detail.xml', 'contact-unknown-change.xml']) {
      const outcome = await handler.handle(tenant.id, parseEvent(loadFixture(fixture)), { inboxId: `test-${fixture}`, receivedAt: new Date() });
      expect({ fixture, outcome }).toEqual({ fixture, outcome: 'skipped' });
    }
    expect(await rows(sys, `SELECT count(*)::int AS n FROM timeline_entries WHERE tenant_id = $1`, [tenant.id])).toEqual(before);
  });

  it('transfer_fail writes a timeline entry and emits customer.transfer_failed', async () => {
    const scan = await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'zhangsan', 't') });
    await scenario(sys, tenant, 'transfer-fail', { userId: 'lisi', externalUserId: scan.externalUserId, reason: 'customer_refused' });
    expect((await timeline(scan.externalUserId)).at(-1)).toMatchObject({ type: 'customer.transfer_failed', user_id: 'lisi', data: { reason: 'customer_refused' } });
    expect(emitted(DomainEvent.TransferFailed, scan.externalUserId)).toHaveLength(1);
  });
});
