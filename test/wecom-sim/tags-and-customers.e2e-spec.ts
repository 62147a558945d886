import { Receiver, waitFor } from './support/receiver';
import { AES_KEY, Json, SimHarness, TOKEN } from './support/sim-harness';
import { decryptMessage, xmlField } from './support/wecom-crypto';

jest.setTimeout(30_000);

describe('corp tags, mark_tag and customer reads', () => {
  const sim = new SimHarness();
  const receiver = new Receiver();
  let token: string;
  let consoleTagId: string;
  let consoleGroupId: string;
  const cgi = (path: string, body?: Json, query?: Json) => sim.cgi(token, path, body, query);

  beforeAll(async () => {
    await sim.start();
    const url = await receiver.start();
    const corp = await sim.corp('wwtags', {
      callback: { url, token: TOKEN, encodingAESKey: AES_KEY },
      tags: [{ groupName: '客户等级', tags: [{ name: 'VIP' }, { name: '普通' }] }],
      customers: [
        { externalUserId: 'wmCust1', name: '客户一', followUsers: [{ userid: 'a', remark: '老客' }, { userid: 'b' }] },
        { externalUserId: 'wmCust2', name: '客户二', followUsers: [{ userid: 'a' }] },
        { externalUserId: 'wmCust3', name: '客户三', followUsers: [{ userid: 'a' }] },
      ],
    });
    consoleGroupId = corp.tags[0].groupId;
    consoleTagId = corp.tags[0].tags[0].id;
    token = await sim.token('wwtags');
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });

  it('adds tags into a new group, then into the same group by name; 40071 for a duplicate', async () => {
    const r1 = await cgi('externalcontact/add_corp_tag', { group_name: '意向', tag: [{ name: '高' }, { name: '低' }] });
    expect(r1.errcode).toBe(0);
    expect(r1.tag_group).toMatchObject({ group_name: '意向', tag: [{ name: '高' }, { name: '低' }] });
    const r2 = await cgi('externalcontact/add_corp_tag', { group_name: '意向', tag: [{ name: '中' }] });
    expect(r2.tag_group.group_id).toBe(r1.tag_group.group_id);
    expect((await cgi('externalcontact/add_corp_tag', { group_id: r1.tag_group.group_id, tag: [{ name: '高' }] })).errcode).toBe(40071);
    expect((await cgi('externalcontact/add_corp_tag', { group_name: '空', tag: [] })).errcode).toBe(40058);
    expect((await cgi('externalcontact/add_corp_tag', { group_name: '长', tag: [{ name: '长'.repeat(31) }] })).errcode).toBe(40058);
    expect((await cgi('externalcontact/add_corp_tag', { group_id: 'etNope', tag: [{ name: 'x' }] })).errcode).toBe(40068);
  });

  it('lists with filters, higher order first', async () => {
    const all = await cgi('externalcontact/get_corp_tag_list', {});
    expect(all.tag_group.map((g: Json) => g.group_name)).toEqual(expect.arrayContaining(['客户等级', '意向']));
    const one = await cgi('externalcontact/get_corp_tag_list', { tag_id: [consoleTagId] });
    expect(one.tag_group).toHaveLength(1);
    expect(one.tag_group[0].tag).toEqual([expect.objectContaining({ id: consoleTagId, name: 'VIP' })]);
  });

  it('edits only what the app created (48002 for console tags), 40071 on a duplicate name', async () => {
    const { tag_group } = await cgi('externalcontact/add_corp_tag', { group_name: '活动', tag: [{ name: '618' }, { name: '双11' }] });
    expect((await cgi('externalcontact/edit_corp_tag', { id: tag_group.tag[0].id, name: '618大促' })).errcode).toBe(0);
    expect((await cgi('externalcontact/edit_corp_tag', { id: tag_group.tag[0].id, name: '双11' })).errcode).toBe(40071);
    expect((await cgi('externalcontact/edit_corp_tag', { id: consoleTagId, name: 'SVIP' })).errcode).toBe(48002);
    expect((await cgi('externalcontact/del_corp_tag', { tag_id: [consoleTagId] })).errcode).toBe(48002);
    expect((await cgi('externalcontact/edit_corp_tag', { id: 'etNope', name: 'x' })).errcode).toBe(40068);
  });

  it('deletes a group once its last tag is deleted', async () => {
    const { tag_group } = await cgi('externalcontact/add_corp_tag', { group_name: '临时', tag: [{ name: '一' }] });
    expect((await cgi('externalcontact/del_corp_tag', {})).errcode).toBe(40058);
    expect((await cgi('externalcontact/del_corp_tag', { tag_id: [tag_group.tag[0].id] })).errcode).toBe(0);
    const list = await cgi('externalcontact/get_corp_tag_list', {});
    expect(list.tag_group.map((g: Json) => g.group_id)).not.toContain(tag_group.group_id);
  });

  it('marks tags per relationship and shows them in externalcontact/get', async () => {
    expect((await cgi('externalcontact/mark_tag', { userid: 'a', external_userid: 'wmCust1', add_tag: [consoleTagId] })).errcode).toBe(0);
    const got = await cgi('externalcontact/get', undefined, { external_userid: 'wmCust1' });
    expect(got.external_contact).toMatchObject({ external_userid: 'wmCust1', name: '客户一', type: 1 });
    const byUser = Object.fromEntries(got.follow_user.map((f: Json) => [f.userid, f]));
    expect(byUser.a.tags).toEqual([{ group_name: '客户等级', tag_name: 'VIP', tag_id: consoleTagId, type: 1 }]);
    expect(byUser.a.remark).toBe('老客');
    expect(byUser.b.tags).toEqual([]);
    const rels = await sim.sim('get', '/sim/corps/wwtags/relationships?external_userid=wmCust1&userid=a');
    expect(rels[0].tagIds).toEqual([consoleTagId]);
  });

  it('mark_tag errcodes: 40058 empty, 40068 unknown tag, 40096 unknown customer, 84061 no relationship', async () => {
    expect((await cgi('externalcontact/mark_tag', { userid: 'a', external_userid: 'wmCust1' })).errcode).toBe(40058);
    expect((await cgi('externalcontact/mark_tag', { userid: 'a', external_userid: 'wmCust1', add_tag: ['etNope'] })).errcode).toBe(40068);
    expect((await cgi('externalcontact/mark_tag', { userid: 'a', external_userid: 'wmNope', add_tag: [consoleTagId] })).errcode).toBe(40096);
    expect((await cgi('externalcontact/mark_tag', { userid: 'b', external_userid: 'wmCust2', add_tag: [consoleTagId] })).errcode).toBe(84061);
  });

  it('lists a member’s customers; 84061 with an empty list when there are none', async () => {
    expect((await cgi('externalcontact/list', undefined, { userid: 'a' })).external_userid.sort()).toEqual(['wmCust1', 'wmCust2', 'wmCust3']);
    expect(await cgi('externalcontact/list', undefined, { userid: 'c' })).toMatchObject({ errcode: 84061, external_userid: [] });
    expect((await cgi('externalcontact/get_follow_user_list')).follow_user).toEqual(['a', 'b']);
  });

  it('pages batch/get_by_user', async () => {
    const p1 = await cgi('externalcontact/batch/get_by_user', { userid_list: ['a', 'b'], limit: 3 });
    expect(p1.external_contact_list).toHaveLength(3);
    expect(p1.next_cursor).not.toBe('');
    const p2 = await cgi('externalcontact/batch/get_by_user', { userid_list: ['a', 'b'], limit: 3, cursor: p1.next_cursor });
    expect(p2.external_contact_list).toHaveLength(1);
    expect(p2.next_cursor).toBe('');
    expect(p1.external_contact_list[0].follow_info).toMatchObject({ userid: 'a', tag_id: expect.any(Array), add_way: 1 });
  });

  it('console tag changes send change_external_tag; deleting a group sends one event only', async () => {
    receiver.requests.length = 0;
    const created = await sim.sim('post', '/sim/corps/wwtags/scenarios/tags?wait=true', { groupName: '后台分组', tags: [{ name: '甲' }, { name: '乙' }] });
    const groupId = created.tag_group.group_id;
    await sim.sim('post', `/sim/corps/wwtags/scenarios/tags/${created.tag_group.tag[0].id}/update?wait=true`, { name: '甲一' });
    await sim.sim('delete', `/sim/corps/wwtags/scenarios/tags/${groupId}?wait=true`);
    await sim.sim('post', '/sim/corps/wwtags/scenarios/tags/shuffle?wait=true', {});
    await waitFor(() => receiver.requests.length >= 4);
    const events = receiver.requests.map((r) => decryptMessage(AES_KEY, xmlField(r.body, 'Encrypt')!).message);
    expect(events.map((e) => [xmlField(e, 'ChangeType'), xmlField(e, 'TagType'), xmlField(e, 'Id')])).toEqual([
      ['create', 'tag_group', groupId],
      ['update', 'tag', created.tag_group.tag[0].id],
      ['delete', 'tag_group', groupId],
      ['shuffle', undefined, ''],
    ]);
    expect(receiver.requests).toHaveLength(4);
    // The app cannot edit console tags.
    expect((await cgi('externalcontact/edit_corp_tag', { id: consoleGroupId, name: 'x' })).errcode).toBe(48002);
  });

  it('member deletes and edits customers with callbacks, and state follows', async () => {
    receiver.requests.length = 0;
    await sim.sim('post', '/sim/corps/wwtags/scenarios/member-edits-customer?wait=true', { userId: 'a', externalUserId: 'wmCust2', remark: '新备注', addTags: [consoleTagId] });
    await sim.sim('post', '/sim/corps/wwtags/scenarios/customer-deletes-member?wait=true', { userId: 'b', externalUserId: 'wmCust1' });
    await sim.sim('post', '/sim/corps/wwtags/scenarios/member-deletes-customer?wait=true', { userId: 'a', externalUserId: 'wmCust3', byTransfer: true });
    await sim.sim('post', '/sim/corps/wwtags/scenarios/transfer-fail?wait=true', { userId: 'b', externalUserId: 'wmCust2', reason: 'customer_refused' });
    const events = receiver.requests.map((r) => decryptMessage(AES_KEY, xmlField(r.body, 'Encrypt')!).message);
    expect(events.map((e) => xmlField(e, 'ChangeType'))).toEqual(['edit_external_contact', 'del_follow_user', 'del_external_contact', 'transfer_fail']);
    expect(xmlField(events[2], 'Source')).toBe('DELETE_BY_TRANSFER');
    expect(xmlField(events[3], 'FailReason')).toBe('customer_refused');
    const got = await cgi('externalcontact/get', undefined, { external_userid: 'wmCust2' });
    expect(got.follow_user[0]).toMatchObject({ remark: '新备注', tags: [expect.objectContaining({ tag_id: consoleTagId })] });
    expect((await cgi('externalcontact/get', undefined, { external_userid: 'wmCust1' })).follow_user.map((f: Json) => f.userid)).toEqual(['a']);
    expect(await cgi('externalcontact/get', undefined, { external_userid: 'wmCust3' })).toMatchObject({ errcode: 84061, follow_user: [] });
    expect(await cgi('externalcontact/get', undefined, { external_userid: 'wmNope' })).toMatchObject({ errcode: 40096, follow_user: [] });
  });
});
