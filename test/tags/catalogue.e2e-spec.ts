import { bearer, userWithRole } from '../support/factories';
import { createSimTenant, SimTenant } from '../support/sim-tenant';
import { startSystem, TestSystem } from '../support/test-system';
import { TenantWeCom } from '@scrm/core';
import { api, consoleTags, rows, simTags, firstSyncDone } from './support';

describe('Tag catalogue: our API → WeCom, the WeCom console → us', () => {
  let sys: TestSystem;
  let a: SimTenant;
  let b: SimTenant;

  beforeAll(async () => {
    sys = await startSystem({ sim: true, worker: true });
    a = await createSimTenant(sys, { tags: [{ groupName: 'Seeded', tags: [{ name: 's1' }, { name: 's2' }] }] });
    b = await createSimTenant(sys);
    await firstSyncDone(sys, a);
    await firstSyncDone(sys, b);
  });
  afterAll(() => sys.close());

  const groupByName = async (name: string, tenant = a) =>
    ((await api(sys, tenant).get('/tags?includeDeleted=true')).body as Array<{ name: string; id: string; deleted: boolean; tags: any[] }>).find((g) => g.name === name);

  it('imports the corp tags the first sync found into the catalogue', async () => {
    const seeded = await groupByName('Seeded');
    expect(seeded).toMatchObject({ kind: 'corp', deleted: false });
    expect(seeded!.tags.map((t) => t.name).sort()).toEqual(['s1', 's2']);
  });

  it('creates, renames, reorders and deletes corp groups and tags in WeCom first', async () => {
    const created = await api(sys, a).post('/tag-groups', { name: 'Level', kind: 'corp', description: 'how much they buy', tags: [{ name: 'gold', description: 'top' }, { name: 'silver' }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Level', kind: 'corp', description: 'how much they buy', deleted: false });
    const corpGroupId = created.body.corpGroupId;
    expect((await simTags(a)).find((g) => g.group_id === corpGroupId)!.tag.map((t) => t.name).sort()).toEqual(['gold', 'silver']);
    const gold = created.body.tags.find((t: { name: string }) => t.name === 'gold');
    expect(gold).toMatchObject({ kind: 'corp', description: 'top', source: 'api' });

    const bronze = await api(sys, a).post(`/tag-groups/${created.body.id}/tags`, { name: 'bronze' });
    expect(bronze.status).toBe(201);
    expect(await simNames(corpGroupId)).toEqual(['bronze', 'gold', 'silver']);

    const renamed = await api(sys, a).patch(`/tags/${gold.id}`, { name: 'Gold', description: 'the best' });
    expect(renamed.body).toMatchObject({ name: 'Gold', description: 'the best', corpTagId: gold.corpTagId });
    expect(await simNames(corpGroupId)).toEqual(['Gold', 'bronze', 'silver']);
    const group = await api(sys, a).patch(`/tag-groups/${created.body.id}`, { name: 'Tier' });
    expect(group.body.name).toBe('Tier');
    expect((await simTags(a)).find((g) => g.group_id === corpGroupId)!.group_name).toBe('Tier');

    const silver = created.body.tags.find((t: { name: string }) => t.name === 'silver');
    const reordered = await api(sys, a).post(`/tag-groups/${created.body.id}/tags/reorder`, { ids: [silver.id, gold.id, bronze.body.id] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.tags.map((t: { name: string }) => t.name)).toEqual(['silver', 'Gold', 'bronze']);
    const inWeCom = (await simTags(a)).find((g) => g.group_id === corpGroupId)!.tag.sort((x, y) => y.order - x.order);
    expect(inWeCom.map((t) => t.name)).toEqual(['silver', 'Gold', 'bronze']);

    expect((await api(sys, a).delete(`/tags/${bronze.body.id}`)).status).toBe(204);
    expect(await simNames(corpGroupId)).toEqual(['Gold', 'silver']);
    expect((await api(sys, a).get(`/tags/${bronze.body.id}`)).body).toMatchObject({ deleted: true });

    expect((await api(sys, a).delete(`/tag-groups/${created.body.id}`)).status).toBe(204);
    expect((await simTags(a)).find((g) => g.group_id === corpGroupId)).toBeUndefined();
    expect(await groupByName('Tier')).toMatchObject({ deleted: true, tags: [expect.objectContaining({ deleted: true }), expect.objectContaining({ deleted: true }), expect.objectContaining({ deleted: true })] });
  });

  it('deleting the last tag of a corp group deletes the group, as WeCom does', async () => {
    const created = await api(sys, a).post('/tag-groups', { name: 'Lonely', kind: 'corp', tags: [{ name: 'only' }] });
    await api(sys, a).delete(`/tags/${created.body.tags[0].id}`);
    expect((await api(sys, a).get(`/tag-groups/${created.body.id}`)).body).toMatchObject({ deleted: true });
  });

  it('reorders groups, corp ones in WeCom', async () => {
    const corp = await api(sys, a).post('/tag-groups', { name: 'Channel', kind: 'corp', order: 5, tags: [{ name: 'web' }] });
    const local = await api(sys, a).post('/tag-groups', { name: 'Interests', kind: 'manual', tags: [{ name: 'hiking' }] });
    const res = await api(sys, a).post('/tag-groups/reorder', { ids: [local.body.id, corp.body.id] });
    expect(res.status).toBe(200);
    const names = res.body.map((g: { name: string }) => g.name);
    expect(names.indexOf('Interests')).toBeLessThan(names.indexOf('Channel'));
    expect((await simTags(a)).find((g) => g.group_name === 'Channel')!.order).toBe(1);
  });

  it('passes WeCom’s refusal to edit a console-made group on as a 502, changing nothing', async () => {
    const seeded = await groupByName('Seeded');
    const res = await api(sys, a).patch(`/tag-groups/${seeded!.id}`, { name: 'Renamed', description: 'mine' });
    expect(res.status).toBe(502);
    expect(await groupByName('Seeded')).toMatchObject({ description: '', deleted: false });
  });

  it('answers WeCom’s duplicate name (40071) with a 409 naming name, and 400s naming fields', async () => {
    const created = await api(sys, a).post('/tag-groups', { name: 'Dup', kind: 'corp', tags: [{ name: 'one' }] });
    // Made through the API (no callback): our catalogue does not know it, only WeCom can refuse.
    const client = await sys.api.get(TenantWeCom).client(a.id);
    await client.tags.add({ group_id: created.body.corpGroupId, tag: [{ name: 'two' }] });
    const dup = await api(sys, a).post(`/tag-groups/${created.body.id}/tags`, { name: 'two' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain('name');
    expect((await api(sys, a).post('/tag-groups', { name: 'Dup', kind: 'manual' })).status).toBe(409);

    const cases: Array<[object, string]> = [
      [{ name: 'x'.repeat(31), kind: 'corp', tags: [{ name: 'a' }] }, 'name'],
      [{ name: 'Empty', kind: 'corp' }, 'tags'],
      [{ name: 'Long tag', kind: 'corp', tags: [{ name: 'y'.repeat(31) }] }, 'tags.0.name'],
      [{ name: 'Kind', kind: 'weird' }, 'kind'],
      [{ name: 'Cat', kind: 'manual', categoryId: '00000000-0000-4000-8000-000000000000' }, 'categoryId'],
      [{ name: 'Roles', kind: 'manual', allowedRoles: ['king'] }, 'allowedRoles'],
      [{ name: 'Twice', kind: 'manual', tags: [{ name: 'a' }, { name: 'a' }] }, 'tags.1'],
    ];
    for (const [body, field] of cases) {
      const res = await api(sys, a).post('/tag-groups', body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.message).toContain(field);
    }
    const noRows = await rows(sys, `SELECT 1 FROM tag_groups WHERE tenant_id = $1 AND name IN ('Empty', 'Long tag', 'Kind', 'Cat', 'Roles', 'Twice')`, [a.id]);
    expect(noRows).toEqual([]);
  });

  it('keeps categories at most three levels deep', async () => {
    const one = await api(sys, a).post('/tag-categories', { name: 'One' });
    const two = await api(sys, a).post('/tag-categories', { name: 'Two', parentId: one.body.id });
    const three = await api(sys, a).post('/tag-categories', { name: 'Three', parentId: two.body.id });
    expect([one.body.depth, two.body.depth, three.body.depth]).toEqual([1, 2, 3]);
    const four = await api(sys, a).post('/tag-categories', { name: 'Four', parentId: three.body.id });
    expect(four.status).toBe(400);
    expect(four.body.details).toEqual([expect.objectContaining({ field: 'parentId' })]);
    // Moving "Two" (with "Three" under it) below a depth-2 category would make four levels.
    const other = await api(sys, a).post('/tag-categories', { name: 'Other' });
    const otherChild = await api(sys, a).post('/tag-categories', { name: 'Child', parentId: other.body.id });
    expect((await api(sys, a).patch(`/tag-categories/${two.body.id}`, { parentId: otherChild.body.id })).status).toBe(400);
    expect((await api(sys, a).patch(`/tag-categories/${one.body.id}`, { parentId: three.body.id })).status).toBe(400);
    const moved = await api(sys, a).patch(`/tag-categories/${two.body.id}`, { parentId: other.body.id });
    expect(moved.body).toMatchObject({ parentId: other.body.id, depth: 2 });
    const all = (await api(sys, a).get('/tag-categories')).body as Array<{ name: string; depth: number }>;
    expect(all.find((c) => c.name === 'Three')!.depth).toBe(3);

    const group = await api(sys, a).post('/tag-groups', { name: 'Filed', kind: 'manual', categoryId: three.body.id });
    expect(group.body.categoryId).toBe(three.body.id);
    expect((await api(sys, a).get(`/tags?categoryId=${three.body.id}`)).body.map((g: { name: string }) => g.name)).toEqual(['Filed']);
    expect((await api(sys, a).delete(`/tag-categories/${three.body.id}`)).status).toBe(409);
  });

  describe('the WeCom console → our catalogue', () => {
    it('mirrors a console create, rename and tag delete', async () => {
      const created = await consoleTags(sys, a, 'post', 'tags', { groupName: 'Console', tags: [{ name: 'c1' }, { name: 'c2' }] });
      expect((await groupByName('Console'))!.tags.map((t) => t.name).sort()).toEqual(['c1', 'c2']);
      const [c1, c2] = created.tag_group.tag;
      await consoleTags(sys, a, 'post', `tags/${c1.id}/update`, { name: 'first' });
      await consoleTags(sys, a, 'post', `tags/${created.tag_group.group_id}/update`, { name: 'Console2' });
      const group = await groupByName('Console2');
      expect(group!.tags.map((t) => t.name).sort()).toEqual(['c2', 'first']);
      await consoleTags(sys, a, 'delete', `tags/${c2.id}`);
      expect((await groupByName('Console2'))!.tags.find((t) => t.corpTagId === c2.id)).toMatchObject({ deleted: true });
    });

    it('a console delete of a whole group marks it and its tags deleted', async () => {
      const created = await consoleTags(sys, a, 'post', 'tags', { groupName: 'Doomed', tags: [{ name: 'd1' }, { name: 'd2' }] });
      await consoleTags(sys, a, 'delete', `tags/${created.tag_group.group_id}`);
      const group = await groupByName('Doomed');
      expect(group).toMatchObject({ deleted: true });
      expect(group!.tags.map((t) => t.deleted)).toEqual([true, true]);
      expect((await api(sys, a).get('/tags')).body.map((g: { name: string }) => g.name)).not.toContain('Doomed');
    });
  });

  describe('role scoping', () => {
    it('hides a restricted group and its tags from roles not listed; only admins restrict', async () => {
      const viewer = await userWithRole(sys, a, 'viewer');
      const marketer = await userWithRole(sys, a, 'marketer');
      const secret = await api(sys, a).post('/tag-groups', { name: 'Secret', kind: 'manual', allowedRoles: ['marketer'], tags: [{ name: 'vip' }] });
      expect(secret.status).toBe(201);
      const names = async (auth: { Authorization: string }) => (await api(sys, a, auth).get('/tags')).body.map((g: { name: string }) => g.name);
      expect(await names(viewer)).not.toContain('Secret');
      expect(await names(marketer)).toContain('Secret');
      expect(await names(bearer(a.adminToken))).toContain('Secret');
      expect((await api(sys, a, viewer).get(`/tag-groups/${secret.body.id}`)).status).toBe(404);
      expect((await api(sys, a, viewer).get(`/tags/${secret.body.tags[0].id}`)).status).toBe(404);
      expect((await api(sys, a, viewer).get(`/tags/${secret.body.tags[0].id}/stats`)).status).toBe(404);

      const byMarketer = await api(sys, a, marketer).post('/tag-groups', { name: 'Mine', kind: 'manual', allowedRoles: ['marketer'] });
      expect(byMarketer.status).toBe(403);
      expect(byMarketer.body.message).toContain('allowedRoles');
      expect((await api(sys, a, marketer).patch(`/tag-groups/${secret.body.id}`, { allowedRoles: null })).status).toBe(403);
      expect((await api(sys, a).patch(`/tag-groups/${secret.body.id}`, { allowedRoles: null })).body.allowedRoles).toBeNull();
      expect(await names(viewer)).toContain('Secret');
    });
  });

  describe('tenant scoping', () => {
    it('tenant B can neither read nor change A’s groups, tags or categories', async () => {
      const group = await api(sys, a).post('/tag-groups', { name: 'Private', kind: 'manual', tags: [{ name: 'p1' }] });
      const category = await api(sys, a).post('/tag-categories', { name: 'A only' });
      const tagId = group.body.tags[0].id;
      const asB = api(sys, b);
      expect((await asB.get('/tags')).body.map((g: { name: string }) => g.name)).not.toContain('Private');
      expect((await asB.get(`/tag-groups/${group.body.id}`)).status).toBe(404);
      expect((await asB.get(`/tags/${tagId}`)).status).toBe(404);
      expect((await asB.get(`/tags/${tagId}/stats`)).status).toBe(404);
      expect((await asB.patch(`/tag-groups/${group.body.id}`, { name: 'Stolen' })).status).toBe(404);
      expect((await asB.patch(`/tags/${tagId}`, { name: 'stolen' })).status).toBe(404);
      expect((await asB.post(`/tag-groups/${group.body.id}/tags`, { name: 'x' })).status).toBe(404);
      expect((await asB.delete(`/tags/${tagId}`)).status).toBe(404);
      expect((await asB.delete(`/tag-groups/${group.body.id}`)).status).toBe(404);
      expect((await asB.patch(`/tag-categories/${category.body.id}`, { name: 'x' })).status).toBe(404);
      expect((await asB.delete(`/tag-categories/${category.body.id}`)).status).toBe(404);
      expect((await asB.post('/tag-groups', { name: 'B', kind: 'manual', categoryId: category.body.id })).status).toBe(400);
      expect((await asB.get('/tag-categories')).body).toEqual([]);
      expect((await api(sys, a).get(`/tag-groups/${group.body.id}`)).body).toMatchObject({ name: 'Private', deleted: false, tags: [expect.objectContaining({ name: 'p1' })] });
    });
  });

  async function simNames(groupId: string): Promise<string[]> {
    return (await simTags(a)).find((g) => g.group_id === groupId)!.tag.map((t) => t.name).sort();
  }
});
