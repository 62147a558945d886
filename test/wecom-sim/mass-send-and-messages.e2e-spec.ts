import { Json, SimHarness } from './support/sim-harness';

jest.setTimeout(30_000);

describe('mass send (群发) and app messages', () => {
  const sim = new SimHarness();
  let token: string;
  const cgi = (path: string, body?: Json) => sim.cgi(token, path, body);

  beforeAll(async () => {
    await sim.start();
    await sim.corp('wwmass', {
      options: { massSendMonthlyQuota: 1, appMessagesPerMemberMinute: 3, appMessagesPerMemberHour: 5 },
      customers: [
        { externalUserId: 'wm1', followUsers: [{ userid: 'a' }] },
        { externalUserId: 'wm2', followUsers: [{ userid: 'a' }] },
        { externalUserId: 'wm3', followUsers: [{ userid: 'a' }] },
        { externalUserId: 'wm4', followUsers: [{ userid: 'b' }] },
      ],
      groupChats: [{ chatId: 'wrChat1', name: '福利群', owner: 'a', members: [{ id: 'wm1', type: 2 }] }],
    });
    token = await sim.token('wwmass');
  });
  afterAll(() => sim.stop());
  afterEach(() => sim.sim('post', '/sim/clock', { offsetMs: 0 }));

  it('creates a template, delivers nothing until the member confirms, then reports 1 / 2 / 3 per customer', async () => {
    // wm3 has already had this month's one mass message.
    const first = await cgi('externalcontact/add_msg_template', { chat_type: 'single', external_userid: ['wm3'], text: { content: '早' } });
    await sim.sim('post', `/sim/corps/wwmass/scenarios/mass-send/${first.msgid}/confirm`, { userid: 'a' });

    const r = await cgi('externalcontact/add_msg_template', { chat_type: 'single', external_userid: ['wm1', 'wm2', 'wm3', 'wmGhost'], text: { content: '会员日福利' } });
    expect(r).toMatchObject({ errcode: 0, fail_list: ['wmGhost'] });
    expect(r.msgid).toBeTruthy();
    expect((await cgi('externalcontact/get_groupmsg_task', { msgid: r.msgid })).task_list).toEqual([{ userid: 'a', status: 0 }]);
    const before = await cgi('externalcontact/get_groupmsg_send_result', { msgid: r.msgid, userid: 'a' });
    expect(before.send_list.map((s: Json) => s.status)).toEqual([0, 0, 0]);

    // wm2 deletes the member before the member gets round to sending.
    await sim.sim('post', '/sim/corps/wwmass/scenarios/customer-deletes-member', { userId: 'a', externalUserId: 'wm2' });
    await sim.sim('post', `/sim/corps/wwmass/scenarios/mass-send/${r.msgid}/confirm`, { userid: 'a' });

    const after = await cgi('externalcontact/get_groupmsg_send_result', { msgid: r.msgid, userid: 'a' });
    expect(after.send_list.map((s: Json) => [s.external_userid, s.status])).toEqual([
      ['wm1', 1],
      ['wm2', 2],
      ['wm3', 3],
    ]);
    expect(after.send_list[0].send_time).toEqual(expect.any(Number));
    const task = (await cgi('externalcontact/get_groupmsg_task', { msgid: r.msgid })).task_list[0];
    expect(task).toMatchObject({ userid: 'a', status: 2 });
    const inspected = (await sim.sim('get', '/sim/corps/wwmass/mass-sends')).find((m: Json) => m.msgid === r.msgid);
    expect(inspected.targets).toHaveLength(3);
  });

  it('sends to a sender’s customers and group chats; sender is required for group', async () => {
    expect((await cgi('externalcontact/add_msg_template', { chat_type: 'group', text: { content: 'x' } })).errcode).toBe(40058);
    const g = await cgi('externalcontact/add_msg_template', { chat_type: 'group', sender: 'a', chat_id_list: ['wrChat1', 'wrNope'], text: { content: '群发' } });
    expect(g.fail_list).toEqual(['wrNope']);
    await sim.sim('post', `/sim/corps/wwmass/scenarios/mass-send/${g.msgid}/confirm`, { userid: 'a' });
    const res = await cgi('externalcontact/get_groupmsg_send_result', { msgid: g.msgid, userid: 'a' });
    expect(res.send_list).toEqual([expect.objectContaining({ chat_id: 'wrChat1', status: 1 })]);
    const bySender = await cgi('externalcontact/add_msg_template', { sender: 'b', text: { content: 'hi' } });
    expect((await cgi('externalcontact/get_groupmsg_task', { msgid: bySender.msgid })).task_list).toEqual([{ userid: 'b', status: 0 }]);
  });

  it('enforces limits: >10000 customers, >9 attachments, empty content', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => `wm${i}`);
    expect((await cgi('externalcontact/add_msg_template', { external_userid: many, text: { content: 'x' } })).errcode).toBe(40058);
    const img = { msgtype: 'image', image: { pic_url: 'https://x/a.png' } };
    expect((await cgi('externalcontact/add_msg_template', { external_userid: ['wm1'], attachments: Array(10).fill(img) })).errcode).toBe(41064);
    expect((await cgi('externalcontact/add_msg_template', { external_userid: ['wm1'] })).errcode).toBe(40058);
  });

  it('answers 41063 when results are asked for too soon (configurable delay)', async () => {
    await sim.sim('patch', '/sim/corps/wwmass/options', { sendResultDelaySec: 30 });
    const r = await cgi('externalcontact/add_msg_template', { external_userid: ['wm1'], text: { content: 'x' } });
    expect(await cgi('externalcontact/get_groupmsg_send_result', { msgid: r.msgid, userid: 'a' })).toMatchObject({ errcode: 41063, send_list: [] });
    await sim.sim('post', '/sim/clock', { advanceMs: 31_000 });
    expect((await cgi('externalcontact/get_groupmsg_send_result', { msgid: r.msgid, userid: 'a' })).errcode).toBe(0);
    await sim.sim('patch', '/sim/corps/wwmass/options', { sendResultDelaySec: 0 });
  });

  it('lists templates with get_groupmsg_list_v2 (≤1 month span)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const list = await cgi('externalcontact/get_groupmsg_list_v2', { chat_type: 'single', start_time: now - 3600, end_time: now + 3600 });
    expect(list.group_msg_list.length).toBeGreaterThanOrEqual(2);
    expect(list.group_msg_list[0]).toMatchObject({ create_type: 0, msgid: expect.any(String) });
    expect((await cgi('externalcontact/get_groupmsg_list_v2', { chat_type: 'single', start_time: now - 40 * 86400, end_time: now })).errcode).toBe(40058);
  });

  it('drops app messages over the per-member limit silently (errcode 0) and records them as dropped', async () => {
    const send = (touser: string) => cgi('message/send', { touser, msgtype: 'text', agentid: 1000002, text: { content: '提醒：今天有 3 个待办' } });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await send('a|ghost'));
    expect(results.map((r) => r.errcode)).toEqual([0, 0, 0, 0, 0]);
    expect(results[0]).toMatchObject({ invaliduser: 'ghost', msgid: expect.any(String) });
    const seen = await sim.sim('get', '/sim/corps/wwmass/app-messages?userid=a');
    expect(seen).toMatchObject({ delivered: 3, dropped: 2 });
    await sim.sim('post', '/sim/clock', { advanceMs: 61_000 });
    await send('a');
    await send('a');
    // Hour limit (5) reached: the 7th is dropped even in a new minute.
    expect(await sim.sim('get', '/sim/corps/wwmass/app-messages?userid=a')).toMatchObject({ delivered: 5, dropped: 2 });
    await sim.sim('post', '/sim/clock', { advanceMs: 61_000 });
    await send('a');
    expect(await sim.sim('get', '/sim/corps/wwmass/app-messages?userid=a')).toMatchObject({ delivered: 5, dropped: 3 });
  });

  it('validates app messages: 81013 all invalid, 45002 over 2048 bytes, 40056 wrong agent, 40008 bad type', async () => {
    expect(await cgi('message/send', { touser: 'ghost', msgtype: 'text', agentid: 1000002, text: { content: 'x' } })).toMatchObject({ errcode: 81013, invaliduser: 'ghost' });
    expect((await cgi('message/send', { touser: 'b', msgtype: 'text', agentid: 1000002, text: { content: '字'.repeat(683) } })).errcode).toBe(45002);
    expect((await cgi('message/send', { touser: 'b', msgtype: 'text', agentid: 1, text: { content: 'x' } })).errcode).toBe(40056);
    expect((await cgi('message/send', { touser: 'b', msgtype: 'fax', agentid: 1000002 })).errcode).toBe(40008);
    const card = await cgi('message/send', { touser: 'b', msgtype: 'textcard', agentid: 1000002, textcard: { title: '待办', description: '3 个客户待跟进', url: 'https://x/tasks' } });
    expect(card).toMatchObject({ errcode: 0, invaliduser: '' });
    const tooMany = Array.from({ length: 1001 }, (_, i) => `u${i}`).join('|');
    expect((await cgi('message/send', { touser: tooMany, msgtype: 'text', agentid: 1000002, text: { content: 'x' } })).errcode).toBe(40058);
  });
});
