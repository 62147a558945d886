import { FakeWeCom } from '../../testing/fake-wecom';
import { clientFor } from '../../testing/test-client';
import { testRedis } from '../../testing/test-redis';
import { WeComClient } from '../wecom-client';

describe('API areas (fake WeCom, real Redis)', () => {
  let fake: FakeWeCom;
  let r: ReturnType<typeof testRedis>;
  let client: WeComClient;

  beforeEach(async () => {
    fake = await FakeWeCom.start();
    r = testRedis();
    client = clientFor(fake, r.redis, { keyPrefix: r.keyPrefix });
  });
  afterEach(async () => {
    await fake.close();
    await r.cleanup();
  });

  it('customers.get follows next_cursor over follow_user', async () => {
    const pages: Record<string, { follow_user: object[]; next_cursor: string }> = {
      '': { follow_user: [{ userid: 'u1' }, { userid: 'u2' }], next_cursor: 'c1' },
      c1: { follow_user: [{ userid: 'u3' }], next_cursor: 'c2' },
      c2: { follow_user: [{ userid: 'u4' }], next_cursor: '' },
    };
    fake.on('externalcontact/get', (c) => ({ external_contact: { external_userid: c.query.external_userid, name: 'Li' }, ...pages[c.query.cursor ?? ''] }));
    const detail = await client.customers.get('wmA');
    expect(detail.external_contact).toMatchObject({ external_userid: 'wmA', name: 'Li' });
    expect(detail.follow_user.map((f) => f.userid)).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(fake.callsOf('externalcontact/get').map((c) => c.query.cursor)).toEqual([undefined, 'c1', 'c2']);
  });

  it('customers.list treats 84061 with [] as no customers', async () => {
    fake.queue('externalcontact/list', { errcode: 84061, errmsg: 'not external contact', external_userid: [] });
    fake.on('externalcontact/list', () => ({ external_userid: ['wm1', 'wm2'] }));
    await client.getAccessToken();
    await expect(client.customers.list('nobody')).resolves.toEqual([]);
    await expect(client.customers.list('zhangsan')).resolves.toEqual(['wm1', 'wm2']);
    expect(fake.callsOf('externalcontact/list')[1].query.userid).toBe('zhangsan');
  });

  it('customers.batchGetAllByUser and groupChats.listAll collect every page', async () => {
    fake.on('externalcontact/batch/get_by_user', (c) => {
      const cursor = (c.body as { cursor?: string }).cursor;
      return cursor
        ? { external_contact_list: [{ external_contact: { external_userid: 'b' }, follow_info: { userid: 'u' } }] }
        : { external_contact_list: [{ external_contact: { external_userid: 'a' }, follow_info: { userid: 'u' } }], next_cursor: 'n' };
    });
    const all = await client.customers.batchGetAllByUser({ userid_list: ['u'], limit: 1 });
    expect(all.map((x) => x.external_contact.external_userid)).toEqual(['a', 'b']);

    fake.on('externalcontact/groupchat/list', (c) =>
      (c.body as { cursor?: string }).cursor ? { group_chat_list: [{ chat_id: 'wr2', status: 0 }] } : { group_chat_list: [{ chat_id: 'wr1', status: 0 }], next_cursor: 'x' },
    );
    expect((await client.groupChats.listAll({ limit: 1 })).map((g) => g.chat_id)).toEqual(['wr1', 'wr2']);
  });

  it('paging stops on a repeated cursor', async () => {
    fake.on('externalcontact/list_contact_way', () => ({ contact_way: [{ config_id: 'x' }], next_cursor: 'same' }));
    expect(await client.contactWays.listAll()).toEqual(['x', 'x']);
  });

  it('contact ways send WeCom field names as JSON', async () => {
    fake.on('externalcontact/add_contact_way', () => ({ config_id: 'cfg1', qr_code: 'http://p.qpic.cn/x' }));
    fake.on('externalcontact/get_contact_way', (c) => ({ contact_way: { config_id: (c.body as { config_id: string }).config_id, type: 1, scene: 2 } }));
    const added = await client.contactWays.add({ type: 1, scene: 2, user: ['zhangsan'], state: 'ch_12', skip_verify: true });
    expect(added).toMatchObject({ config_id: 'cfg1', qr_code: 'http://p.qpic.cn/x' });
    expect(fake.callsOf('externalcontact/add_contact_way')[0]).toMatchObject({
      method: 'POST',
      body: { type: 1, scene: 2, user: ['zhangsan'], state: 'ch_12', skip_verify: true },
    });
    await expect(client.contactWays.get('cfg1')).resolves.toMatchObject({ config_id: 'cfg1' });
    await client.contactWays.update({ config_id: 'cfg1', user: ['lisi'] });
    await client.contactWays.del('cfg1');
    expect(fake.calls.map((c) => c.api)).toEqual([
      'gettoken', 'externalcontact/add_contact_way', 'externalcontact/get_contact_way',
      'externalcontact/update_contact_way', 'externalcontact/del_contact_way',
    ]);
  });

  it('tags, welcome and mass send hit their endpoints', async () => {
    fake.on('externalcontact/get_corp_tag_list', () => ({ tag_group: [{ group_id: 'g', group_name: 'G', tag: [{ id: 't', name: 'T' }] }] }));
    fake.on('externalcontact/add_corp_tag', (c) => ({ tag_group: { group_id: 'g2', group_name: (c.body as { group_name: string }).group_name, tag: [] } }));
    fake.on('externalcontact/add_msg_template', () => ({ fail_list: [], msgid: 'msgA' }));
    expect(await client.tags.list()).toHaveLength(1);
    expect(await client.tags.add({ group_name: 'VIP', tag: [{ name: 'gold' }] })).toMatchObject({ group_id: 'g2', group_name: 'VIP' });
    await client.tags.edit({ id: 't', name: 'T2' });
    await client.tags.del({ tag_id: ['t'] });
    await client.tags.mark({ userid: 'u', external_userid: 'e', add_tag: ['t'] });
    await client.welcome.send({ welcome_code: 'W', text: { content: 'hi' }, attachments: [{ msgtype: 'link', link: { title: 't', url: 'https://x' } }] });
    expect(await client.massSend.addMsgTemplate({ chat_type: 'single', external_userid: ['e'], text: { content: 'x' } })).toEqual({ errcode: 0, errmsg: 'ok', fail_list: [], msgid: 'msgA' });
    await client.massSend.getTask({ msgid: 'msgA' });
    await client.massSend.listV2({ chat_type: 'single', start_time: 1, end_time: 2 });
    expect(fake.calls.map((c) => c.api).slice(1)).toEqual([
      'externalcontact/get_corp_tag_list', 'externalcontact/add_corp_tag', 'externalcontact/edit_corp_tag',
      'externalcontact/del_corp_tag', 'externalcontact/mark_tag', 'externalcontact/send_welcome_msg',
      'externalcontact/add_msg_template', 'externalcontact/get_groupmsg_task', 'externalcontact/get_groupmsg_list_v2',
    ]);
  });

  it('media.upload sends multipart with field "media" and ?type=', async () => {
    fake.on('media/upload', (c) => ({ type: c.query.type, media_id: 'MEDIA1', created_at: '1700000000' }));
    const res = await client.media.upload('image', { data: Buffer.from('PNGDATA'), filename: 'a.png', contentType: 'image/png' });
    expect(res).toMatchObject({ type: 'image', media_id: 'MEDIA1' });
    const call = fake.callsOf('media/upload')[0];
    expect(call.query.type).toBe('image');
    expect(call.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(call.body).toContain('name="media"; filename="a.png"');
    expect(call.body).toContain('PNGDATA');
  });

  it('oauth builds the authorize URL and exchanges the code', async () => {
    const url = new URL(client.oauth.buildAuthorizeUrl({ redirectUri: 'https://scrm.example/auth/wecom?x=1', state: 's1' }));
    expect(url.origin + url.pathname).toBe('https://open.weixin.qq.com/connect/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      appid: 'wwfake', redirect_uri: 'https://scrm.example/auth/wecom?x=1', response_type: 'code', scope: 'snsapi_base', state: 's1',
    });
    expect(url.hash).toBe('#wechat_redirect');

    fake.on('auth/getuserinfo', (c) => (c.query.code === 'CODE' ? { userid: 'zhangsan' } : { openid: 'o1' }));
    await expect(client.oauth.getUserInfo('CODE')).resolves.toMatchObject({ userid: 'zhangsan' });
  });

  it('staff.getUser and group chat get', async () => {
    fake.on('user/get', (c) => ({ userid: c.query.userid, name: 'Zhang', department: [1], status: 1 }));
    fake.on('externalcontact/groupchat/get', (c) => ({ group_chat: { chat_id: (c.body as { chat_id: string }).chat_id, member_list: [] } }));
    await expect(client.staff.getUser('zhangsan')).resolves.toMatchObject({ name: 'Zhang', status: 1 });
    await expect(client.groupChats.get('wr1', true)).resolves.toMatchObject({ chat_id: 'wr1' });
    expect(fake.callsOf('externalcontact/groupchat/get')[0].body).toEqual({ chat_id: 'wr1', need_name: 1 });
  });
});
