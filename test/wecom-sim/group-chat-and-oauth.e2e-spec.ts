import { Receiver, waitFor } from './support/receiver';
import { AES_KEY, Json, SimHarness, TOKEN } from './support/sim-harness';
import { decryptMessage, xmlField } from './support/wecom-crypto';

jest.setTimeout(30_000);

describe('group chats, OAuth and seeding', () => {
  const sim = new SimHarness();
  const receiver = new Receiver();
  let token: string;
  const cgi = (path: string, body?: Json, query?: Json) => sim.cgi(token, path, body, query);
  const lastEvent = async (count: number) => {
    await waitFor(() => receiver.requests.length >= count);
    return decryptMessage(AES_KEY, xmlField(receiver.requests[count - 1].body, 'Encrypt')!).message;
  };

  beforeAll(async () => {
    await sim.start();
    const url = await receiver.start();
    await sim.corp('wwchat', {
      callback: { url, token: TOKEN, encodingAESKey: AES_KEY },
      customers: [{ externalUserId: 'wm1', name: '客户一', followUsers: [{ userid: 'a' }] }, { externalUserId: 'wm2', followUsers: [{ userid: 'a' }] }],
    });
    token = await sim.token('wwchat');
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });

  it('creates, joins, leaves, renames and dismisses with the right change_external_chat events', async () => {
    const created = await sim.sim('post', '/sim/corps/wwchat/scenarios/group-chats?wait=true', { name: '福利群', owner: 'a' });
    const chatId = created.chatId;
    expect(xmlField(await lastEvent(1), 'ChangeType')).toBe('create');

    const v0 = (await cgi('externalcontact/groupchat/get', { chat_id: chatId })).group_chat.member_version;
    await sim.sim('post', `/sim/corps/wwchat/scenarios/group-chats/${chatId}/join?wait=true`, { members: [{ id: 'wm1', type: 2 }, { id: 'wm2', type: 2 }], joinScene: 3 });
    const join = await lastEvent(2);
    expect(xmlField(join, 'UpdateDetail')).toBe('add_member');
    expect(join).toContain('<JoinScene>3</JoinScene><MemChangeCnt>2</MemChangeCnt><MemChangeList><Item>wm1</Item><Item>wm2</Item></MemChangeList>');
    expect(xmlField(join, 'LastMemVer')).toBe(v0);
    const got = (await cgi('externalcontact/groupchat/get', { chat_id: chatId, need_name: 1 })).group_chat;
    expect(got.member_version).toBe(xmlField(join, 'CurMemVer'));
    expect(got.member_list.map((m: Json) => [m.userid, m.type])).toEqual([['a', 1], ['wm1', 2], ['wm2', 2]]);
    expect(got.member_list[1].name).toBe('客户一');

    await sim.sim('post', `/sim/corps/wwchat/scenarios/group-chats/${chatId}/leave?wait=true`, { ids: ['wm2'], quitScene: 1 });
    const leave = await lastEvent(3);
    expect(leave).toContain('<QuitScene>1</QuitScene><MemChangeCnt>1</MemChangeCnt>');
    await sim.sim('post', `/sim/corps/wwchat/scenarios/group-chats/${chatId}/rename?wait=true`, { name: '新群名' });
    expect(xmlField(await lastEvent(4), 'UpdateDetail')).toBe('change_name');
    await sim.sim('post', `/sim/corps/wwchat/scenarios/group-chats/${chatId}/notice?wait=true`, { notice: '群公告' });
    expect(xmlField(await lastEvent(5), 'UpdateDetail')).toBe('change_notice');
    await sim.sim('post', `/sim/corps/wwchat/scenarios/group-chats/${chatId}/owner?wait=true`, { owner: 'b' });
    expect(xmlField(await lastEvent(6), 'UpdateDetail')).toBe('change_owner');
    expect((await cgi('externalcontact/groupchat/get', { chat_id: chatId })).group_chat).toMatchObject({ name: '新群名', notice: '群公告', owner: 'b' });

    const list = await cgi('externalcontact/groupchat/list', { limit: 100, owner_filter: { userid_list: ['b'] } });
    expect(list.group_chat_list).toEqual([{ chat_id: chatId, status: 0 }]);
    await sim.sim('post', `/sim/corps/wwchat/scenarios/group-chats/${chatId}/dismiss?wait=true`);
    expect(xmlField(await lastEvent(7), 'ChangeType')).toBe('dismiss');
    expect((await cgi('externalcontact/groupchat/get', { chat_id: chatId })).errcode).toBe(40050);
    expect((await cgi('externalcontact/groupchat/list', {})).errcode).toBe(40058);
  });

  it('runs the OAuth flow: redirect with code and state, single-use code, 5-minute life', async () => {
    const authorize = (extra: Json) =>
      sim.http.get('/connect/oauth2/authorize', {
        params: { appid: 'wwchat', redirect_uri: 'https://app.example/staff/cb?x=1', response_type: 'code', scope: 'snsapi_base', state: 'st1', ...extra },
        maxRedirects: 0,
      });
    const res = await authorize({ sim_userid: 'b' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.location);
    expect(to.origin + to.pathname).toBe('https://app.example/staff/cb');
    expect(to.searchParams.get('x')).toBe('1');
    expect(to.searchParams.get('state')).toBe('st1');
    const code = to.searchParams.get('code')!;
    expect(await cgi('auth/getuserinfo', undefined, { code })).toMatchObject({ errcode: 0, userid: 'b' });
    expect((await cgi('auth/getuserinfo', undefined, { code })).errcode).toBe(40029);

    const outsider = new URL((await authorize({ sim_openid: 'oOpen1' })).headers.location).searchParams.get('code')!;
    expect(await cgi('auth/getuserinfo', undefined, { code: outsider })).toMatchObject({ errcode: 0, openid: 'oOpen1' });

    const late = new URL((await authorize({ sim_userid: 'a' })).headers.location).searchParams.get('code')!;
    await sim.sim('post', '/sim/clock', { advanceMs: 5 * 60_000 + 1 });
    const token2 = await sim.token('wwchat');
    expect((await sim.cgi(token2, 'auth/getuserinfo', undefined, { code: late })).errcode).toBe(40029);
    await sim.sim('post', '/sim/clock', { offsetMs: 0 });
  });

  it('seeds a realistic corp', async () => {
    await sim.corp('wwseed', { members: [] });
    const seeded = await sim.sim('post', '/sim/corps/wwseed/seed', { members: 5, customers: 300, tagGroups: 3, tags: 10, groupChats: 4 });
    expect(seeded).toMatchObject({ customers: 300, tags: 10, tagGroups: 3, groupChats: 4 });
    const t = await sim.token('wwseed');
    const follow = (await sim.cgi(t, 'externalcontact/get_follow_user_list')).follow_user;
    expect(follow).toHaveLength(5);
    const user = await sim.cgi(t, 'user/get', undefined, { userid: follow[0] });
    expect(user.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    const customers = (await sim.cgi(t, 'externalcontact/list', undefined, { userid: follow[0] })).external_userid;
    expect(customers.length).toBeGreaterThan(10);
    const tags = (await sim.cgi(t, 'externalcontact/get_corp_tag_list', {})).tag_group;
    expect(tags.flatMap((g: Json) => g.tag)).toHaveLength(10);
    expect((await sim.cgi(t, 'externalcontact/groupchat/list', { limit: 1000 })).group_chat_list).toHaveLength(4);
  });
});
