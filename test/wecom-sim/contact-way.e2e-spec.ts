import { Json, SimHarness } from './support/sim-harness';

jest.setTimeout(30_000);

describe('contact ways', () => {
  const sim = new SimHarness();
  let token: string;
  const add = (body: Json) => sim.cgi(token, 'externalcontact/add_contact_way', body);

  beforeAll(async () => {
    await sim.start();
    const many = Array.from({ length: 101 }, (_, i) => ({ userid: `s${i}`, department: [2] }));
    await sim.corp('wwway', { departments: [{ id: 2, name: '销售部' }, { id: 3, name: '一组', parentid: 2 }], members: [{ userid: 'a' }, { userid: 'b', department: [3] }, { userid: 'c', status: 4 }, ...many] });
    token = await sim.token('wwway');
  });
  afterAll(() => sim.stop());

  it('creates a QR way (qr_code only for scene 2) and reads it back', async () => {
    const qr = await add({ type: 2, scene: 2, user: ['a', 'b'], state: 'ch_1', remark: '门店' });
    expect(qr).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(qr.qr_code).toMatch(/^https:\/\/wework\.qpic\.cn\/wwpic\//);
    const mini = await add({ type: 1, scene: 1, style: 1, user: ['a'] });
    expect(mini.qr_code).toBeUndefined();
    const got = await sim.cgi(token, 'externalcontact/get_contact_way', { config_id: qr.config_id });
    expect(got.contact_way).toMatchObject({ config_id: qr.config_id, type: 2, scene: 2, state: 'ch_1', remark: '门店', user: ['a', 'b'], party: [], skip_verify: true });
  });

  it.each([
    [{ scene: 2, user: ['a'] }, 41037],
    [{ type: 1, user: ['a'] }, 41038],
    [{ type: 3, scene: 2, user: ['a'] }, 41039],
    [{ type: 1, scene: 3, user: ['a'] }, 41040],
    [{ type: 1, scene: 1, style: 9, user: ['a'] }, 41042],
    [{ type: 1, scene: 2, user: ['c'] }, 41054],
    [{ type: 1, scene: 2, user: ['a', 'b'] }, 40058],
    [{ type: 1, scene: 2, user: ['a'], party: [2] }, 40058],
    [{ type: 2, scene: 2 }, 40058],
    [{ type: 1, scene: 2, user: ['a'], state: 's'.repeat(31) }, 40058],
    [{ type: 1, scene: 2, user: ['a'], remark: '备'.repeat(31) }, 40058],
    [{ type: 2, scene: 2, party: [2] }, 41041],
    [{ type: 1, scene: 2, user: ['ghost'] }, 60111],
  ])('%j → %i', async (body, errcode) => {
    expect((await add(body)).errcode).toBe(errcode);
  });

  it('accepts exactly 30 characters of state and a party of ≤100 expanded members', async () => {
    expect((await add({ type: 1, scene: 2, user: ['a'], state: '渠'.repeat(30) })).errcode).toBe(0);
    expect((await add({ type: 2, scene: 2, party: [3], user: ['a'] })).errcode).toBe(0);
  });

  it('update replaces the user list; 41043/41044 for missing/unknown config_id', async () => {
    const { config_id } = await add({ type: 2, scene: 2, user: ['a', 'b'] });
    expect((await sim.cgi(token, 'externalcontact/update_contact_way', { config_id, user: ['b'], state: 'x' })).errcode).toBe(0);
    const got = await sim.cgi(token, 'externalcontact/get_contact_way', { config_id });
    expect(got.contact_way).toMatchObject({ user: ['b'], state: 'x' });
    expect((await sim.cgi(token, 'externalcontact/update_contact_way', {})).errcode).toBe(41043);
    expect((await sim.cgi(token, 'externalcontact/get_contact_way', { config_id: 'nope' })).errcode).toBe(41044);
  });

  it('lists and deletes', async () => {
    const { config_id } = await add({ type: 1, scene: 2, user: ['a'] });
    const page1 = await sim.cgi(token, 'externalcontact/list_contact_way', { limit: 2 });
    expect(page1.contact_way).toHaveLength(2);
    expect(page1.next_cursor).not.toBe('');
    const all = await sim.cgi(token, 'externalcontact/list_contact_way', { limit: 1000 });
    expect(all.contact_way.map((w: Json) => w.config_id)).toContain(config_id);
    expect((await sim.cgi(token, 'externalcontact/del_contact_way', { config_id })).errcode).toBe(0);
    expect((await sim.cgi(token, 'externalcontact/del_contact_way', { config_id })).errcode).toBe(41044);
    expect((await sim.cgi(token, 'externalcontact/list_contact_way', { limit: 1001 })).errcode).toBe(40058);
  });
});
