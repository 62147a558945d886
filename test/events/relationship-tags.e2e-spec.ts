import { DomainEvent, RELATIONSHIP_TAGS, RelationshipTagsPort } from '@scrm/core';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { contactWay, recordEvents, rows, scenario, syncsSettled } from './support';

describe('RELATIONSHIP_TAGS: tags our own code applied through mark_tag', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let port: RelationshipTagsPort;
  let events: Array<{ name: string; payload: any }>;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys);
    // Links recorded here were never marked in the simulator: a sync reading after them would rightly drop them.
    await syncsSettled(sys, tenant);
    port = sys.worker!.get<RelationshipTagsPort>(RELATIONSHIP_TAGS, { strict: false });
    events = recordEvents(sys, [DomainEvent.CustomerTagged, DomainEvent.CustomerUntagged]);
  });
  afterAll(() => sys.close());

  it('records links with their source once, with one timeline entry and one event per real change', async () => {
    const { externalUserId } = await scenario(sys, tenant, 'scan', { configId: await contactWay(sys, tenant, 'zhangsan', 'ch') });
    const change = { userId: 'zhangsan', externalUserId, tagIds: ['etA', 'etB'], source: 'channel' as const, sourceId: 'channel-1' };
    await port.recordApplied(tenant.id, change);
    await port.recordApplied(tenant.id, change); // the same again: nothing new
    await port.recordApplied(tenant.id, { ...change, tagIds: ['etB', 'etC'] }); // only etC is new

    const links = await rows(sys, `SELECT tag_id, source, source_id FROM relationship_tags WHERE tenant_id = $1 AND external_user_id = $2 ORDER BY tag_id`, [tenant.id, externalUserId]);
    expect(links).toEqual(['etA', 'etB', 'etC'].map((tag_id) => ({ tag_id, source: 'channel', source_id: 'channel-1' })));
    expect(events.filter((e) => e.name === DomainEvent.CustomerTagged).map((e) => e.payload.tagIds)).toEqual([['etA', 'etB'], ['etC']]);

    await port.recordRemoved(tenant.id, { ...change, tagIds: ['etA', 'etZ'] });
    await port.recordRemoved(tenant.id, { ...change, tagIds: ['etA'] });
    expect(events.filter((e) => e.name === DomainEvent.CustomerUntagged).map((e) => [e.payload.tagIds, e.payload.source])).toEqual([[['etA'], 'channel']]);
    const entries = await rows(sys, `SELECT type, data FROM timeline_entries WHERE tenant_id = $1 AND external_user_id = $2 ORDER BY created_at`, [tenant.id, externalUserId]);
    expect(entries.map((e) => [e.type, e.data.tagIds])).toEqual([
      ['customer.added', undefined],
      ['customer.tagged', ['etA', 'etB']],
      ['customer.tagged', ['etC']],
      ['customer.untagged', ['etA']],
    ]);
  });

  it('never touches another tenant’s links', async () => {
    const other = await createSimTenant(sys);
    // The same relationship ids in both tenants: what one tenant records or removes must leave the other's alone.
    const change = { userId: 'zhangsan', externalUserId: 'wmX', tagIds: ['etA'], source: 'admin' as const };
    await port.recordApplied(tenant.id, change);
    await port.recordApplied(other.id, change);
    await port.recordRemoved(other.id, change);
    const count = async (tenantId: string) =>
      (await rows(sys, `SELECT count(*)::int AS n FROM relationship_tags WHERE tenant_id = $1 AND external_user_id = 'wmX'`, [tenantId]))[0].n;
    expect(await count(tenant.id)).toBe(1);
    expect(await count(other.id)).toBe(0);
  });
});
