import { DomainEvent, TenantWeCom } from '@scrm/core';
import { processDelivery } from '../support/process-sim-event';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { recordEvents, rows } from './support';

describe('change_external_tag events keep the corp tag mirror true', () => {
  let sys: TestSystem;
  let tenant: SimTenant;
  let events: Array<{ name: string; payload: any }>;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    tenant = await createSimTenant(sys, { tags: [{ groupName: 'Seeded', tags: [{ name: 's1' }] }] });
    events = recordEvents(sys, [DomainEvent.CorpTagsChanged]);
  });
  afterAll(() => sys.close());

  const run = async (method: 'post' | 'delete', path: string, body: object = {}) => {
    const res = await tenant.sim()[method](`/sim/corps/${tenant.corpId}/scenarios/${path}`).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    const ids: string[] = res.body.deliveries ? res.body.deliveries.map((d: { deliveryId: string }) => d.deliveryId) : [res.body.deliveryId];
    for (const id of ids) await processDelivery(sys, tenant, id);
    return res.body;
  };
  const tag = async (tagId: string) => (await rows(sys, `SELECT name, group_id, deleted FROM corp_tags WHERE tenant_id = $1 AND tag_id = $2`, [tenant.id, tagId]))[0];
  const group = async (groupId: string) => (await rows(sys, `SELECT name, deleted, "order" FROM corp_tag_groups WHERE tenant_id = $1 AND group_id = $2`, [tenant.id, groupId]))[0];

  it('create (a new group, then a tag in it), update and delete are mirrored', async () => {
    const created = await run('post', 'tags', { groupName: 'Source', tags: [{ name: 'fair' }, { name: 'web' }] });
    const groupId = created.tag_group.group_id;
    const [fair, web] = created.tag_group.tag.map((t: { id: string }) => t.id);
    expect(await group(groupId)).toMatchObject({ name: 'Source', deleted: false });
    expect(await tag(fair)).toMatchObject({ name: 'fair', group_id: groupId, deleted: false });

    const more = await run('post', 'tags', { groupId, tags: [{ name: 'ads' }] });
    const ads = more.tag_group.tag.find((t: { name: string }) => t.name === 'ads').id;
    expect(await tag(ads)).toMatchObject({ name: 'ads', deleted: false });

    await run('post', `tags/${web}/update`, { name: 'website' });
    await run('post', `tags/${groupId}/update`, { name: 'Origin', order: 7 });
    expect(await tag(web)).toMatchObject({ name: 'website' });
    expect(await group(groupId)).toMatchObject({ name: 'Origin', order: 7 });

    await run('delete', `tags/${fair}`);
    expect(await tag(fair)).toMatchObject({ deleted: true });
    expect(await tag(web)).toMatchObject({ deleted: false });
    expect(events.map((e) => e.payload.change)).toEqual(expect.arrayContaining(['create', 'update', 'delete']));
  });

  it('deleting a group (one event, none per tag) flags the group and all its tags', async () => {
    const created = await run('post', 'tags', { groupName: 'Temp', tags: [{ name: 'x' }, { name: 'y' }] });
    await run('delete', `tags/${created.tag_group.group_id}`);
    expect(await group(created.tag_group.group_id)).toMatchObject({ deleted: true });
    for (const t of created.tag_group.tag) expect(await tag(t.id)).toMatchObject({ deleted: true });
  });

  it('shuffle re-reads the order', async () => {
    const seeded = (tenant.seeded.tags as Array<{ groupId: string }>)[0].groupId;
    // Made and reordered through the API, which sends no callbacks: only the shuffle event makes us re-read.
    const client = await sys.api.get(TenantWeCom).client(tenant.id);
    const ordered = await client.tags.add({ group_name: 'Ordered', tag: [{ name: 'o1' }] });
    await client.tags.edit({ id: ordered.group_id, order: 77 });
    expect(await group(ordered.group_id)).toBeUndefined();
    await run('post', 'tags/shuffle', {});
    expect(await group(ordered.group_id)).toMatchObject({ name: 'Ordered', deleted: false, order: 77 });
    expect(await group(seeded)).toMatchObject({ name: 'Seeded', deleted: false });
    expect(events.at(-1)!.payload).toMatchObject({ tenantId: tenant.id, change: 'shuffle' });
  });
});
