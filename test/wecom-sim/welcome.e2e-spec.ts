import { Json, SimHarness } from './support/sim-harness';

jest.setTimeout(30_000);

describe('send_welcome_msg', () => {
  const sim = new SimHarness();
  let token: string;
  let configId: string;
  const scan = (extra: Json = {}) => sim.sim('post', '/sim/corps/wwwelcome/scenarios/scan', { configId, ...extra });
  const send = (body: Json) => sim.cgi(token, 'externalcontact/send_welcome_msg', body);

  beforeAll(async () => {
    await sim.start();
    await sim.corp('wwwelcome');
    token = await sim.token('wwwelcome');
    configId = (await sim.cgi(token, 'externalcontact/add_contact_way', { type: 1, scene: 2, user: ['a'], state: 'ch_9' })).config_id;
  });
  afterAll(() => sim.stop());
  afterEach(async () => {
    await sim.sim('post', '/sim/clock', { offsetMs: 0 });
    await sim.sim('delete', '/sim/faults');
  });

  it('works once per code, and records what was sent', async () => {
    const s = await scan();
    const body = { welcome_code: s.welcomeCode, text: { content: '你好，欢迎！' }, attachments: [{ msgtype: 'link', link: { title: '新人礼', url: 'https://x.example/gift' } }] };
    expect(await send(body)).toEqual({ errcode: 0, errmsg: 'ok' });
    expect((await send(body)).errcode).toBe(41050);
    const sent = await sim.sim('get', '/sim/corps/wwwelcome/welcome-messages');
    expect(sent.at(-1)).toMatchObject({ welcome_code: s.welcomeCode, userid: 'a', external_userid: s.externalUserId, text: { content: '你好，欢迎！' } });
    expect(typeof sent.at(-1).sentAt).toBe('number');
  });

  it('dies 20 s after the add (sim clock, no sleeping)', async () => {
    const s = await scan();
    await sim.sim('post', '/sim/clock', { advanceMs: 19_000 });
    const fresh = await scan();
    expect((await send({ welcome_code: fresh.welcomeCode, text: { content: 'hi' } })).errcode).toBe(0);
    await sim.sim('post', '/sim/clock', { advanceMs: 1_500 });
    expect((await send({ welcome_code: s.welcomeCode, text: { content: 'hi' } })).errcode).toBe(41050);
  });

  it('answers 41049 without a code and 41050 for an unknown one', async () => {
    expect((await send({ text: { content: 'hi' } })).errcode).toBe(41049);
    expect((await send({ welcome_code: 'made-up', text: { content: 'hi' } })).errcode).toBe(41050);
  });

  it('answers 41051 when the customer is already chatting', async () => {
    const s = await scan({ alreadyChatting: true });
    expect((await send({ welcome_code: s.welcomeCode, text: { content: 'hi' } })).errcode).toBe(41051);
  });

  it('answers 41096 through fault injection, and the code still works afterwards', async () => {
    const s = await scan();
    await sim.sim('post', '/sim/faults', { api: 'externalcontact/send_welcome_msg', errcode: 41096, count: 1 });
    expect((await send({ welcome_code: s.welcomeCode, text: { content: 'hi' } })).errcode).toBe(41096);
    expect((await send({ welcome_code: s.welcomeCode, text: { content: 'hi' } })).errcode).toBe(0);
  });

  it('counts the 4000-byte text limit in UTF-8 bytes', async () => {
    const s = await scan();
    // 1334 Chinese characters = 4002 bytes, under 4000 "characters" but over the byte limit.
    expect((await send({ welcome_code: s.welcomeCode, text: { content: '欢'.repeat(1334) } })).errcode).toBe(40058);
    expect((await send({ welcome_code: s.welcomeCode, text: { content: '欢'.repeat(1333) } })).errcode).toBe(0);
  });

  it('validates attachments: 41064 over nine, 41065 bad type, 40058 nothing at all', async () => {
    const s = await scan();
    const img = { msgtype: 'image', image: { pic_url: 'https://x.example/a.png' } };
    expect((await send({ welcome_code: s.welcomeCode, attachments: Array(10).fill(img) })).errcode).toBe(41064);
    expect((await send({ welcome_code: s.welcomeCode, attachments: [{ msgtype: 'voice', voice: { media_id: 'x' } }] })).errcode).toBe(41065);
    expect((await send({ welcome_code: s.welcomeCode })).errcode).toBe(40058);
    expect((await send({ welcome_code: s.welcomeCode, attachments: Array(9).fill(img) })).errcode).toBe(0);
  });

  it('accepts an uploaded media_id, and refuses it once 3 days have passed', async () => {
    const form = new FormData();
    form.append('media', new Blob([Buffer.from('fake png')]), 'a.png');
    const up = (await sim.http.post('/cgi-bin/media/upload', form, { params: { access_token: token, type: 'image' } })).data;
    expect(up).toMatchObject({ errcode: 0, type: 'image' });
    expect(up.media_id).toBeTruthy();
    const att = [{ msgtype: 'image', image: { media_id: up.media_id } }];
    expect((await send({ welcome_code: (await scan()).welcomeCode, attachments: att })).errcode).toBe(0);
    await sim.sim('post', '/sim/clock', { advanceMs: 3 * 86400_000 + 1000 });
    const token2 = await sim.token('wwwelcome');
    const code = (await scan()).welcomeCode;
    expect((await sim.cgi(token2, 'externalcontact/send_welcome_msg', { welcome_code: code, attachments: att })).errcode).toBe(40007);
    const badType = (await sim.http.post('/cgi-bin/media/upload', form, { params: { access_token: token2, type: 'gif' } })).data;
    expect(badType.errcode).toBe(40004);
  });
});
