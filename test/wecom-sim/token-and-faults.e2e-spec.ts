import { SimHarness } from './support/sim-harness';

jest.setTimeout(30_000);

describe('gettoken, token errors, rate limits, fault injection, call log', () => {
  const sim = new SimHarness();

  beforeAll(async () => {
    await sim.start();
    await sim.corp('wwtok');
  });
  afterAll(() => sim.stop());
  afterEach(() => sim.sim('delete', '/sim/faults'));

  it('returns the same long token while it is valid', async () => {
    const r1 = (await sim.http.get('/cgi-bin/gettoken', { params: { corpid: 'wwtok', corpsecret: 'secret' } })).data;
    const r2 = (await sim.http.get('/cgi-bin/gettoken', { params: { corpid: 'wwtok', corpsecret: 'secret' } })).data;
    expect(r1).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 });
    expect(r1.access_token.length).toBeGreaterThanOrEqual(100);
    expect(r2.access_token).toBe(r1.access_token);
  });

  it('answers 40013 for an unknown corp and 40001 for a wrong secret, as HTTP 200', async () => {
    const bad = await sim.http.get('/cgi-bin/gettoken', { params: { corpid: 'nope', corpsecret: 'secret' } });
    expect(bad.status).toBe(200);
    expect(bad.data.errcode).toBe(40013);
    expect(bad.data.errmsg).toMatch(/^invalid corpid, hint: \[\d+_\d+_\w+\], from ip: 127\.0\.0\.1, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=40013$/);
    expect((await sim.http.get('/cgi-bin/gettoken', { params: { corpid: 'wwtok', corpsecret: 'x' } })).data.errcode).toBe(40001);
  });

  it('answers 41001 missing, 40014 unknown, 42001 expired (by clock or by /tokens/expire)', async () => {
    expect((await sim.http.get('/cgi-bin/user/get', { params: { userid: 'a' } })).data.errcode).toBe(41001);
    expect((await sim.cgi('nonsense', 'user/get', undefined, { userid: 'a' })).errcode).toBe(40014);
    const token = await sim.token('wwtok');
    expect((await sim.cgi(token, 'user/get', undefined, { userid: 'a' })).errcode).toBe(0);
    await sim.sim('post', '/sim/corps/wwtok/tokens/expire');
    expect((await sim.cgi(token, 'user/get', undefined, { userid: 'a' })).errcode).toBe(42001);

    const fresh = await sim.token('wwtok');
    expect(fresh).not.toBe(token);
    await sim.sim('post', '/sim/clock', { advanceMs: 7201_000 });
    expect((await sim.cgi(fresh, 'user/get', undefined, { userid: 'a' })).errcode).toBe(42001);
    await sim.sim('post', '/sim/clock', { offsetMs: 0 });
  });

  it('throttles gettoken per corp per minute (45009)', async () => {
    await sim.corp('wwthrottle', { options: { gettokenPerMinute: 3 } });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await sim.http.get('/cgi-bin/gettoken', { params: { corpid: 'wwthrottle', corpsecret: 'secret' } })).data.errcode);
    expect(codes).toEqual([0, 0, 0, 45009, 45009]);
    await sim.sim('post', '/sim/clock', { advanceMs: 61_000 });
    expect((await sim.http.get('/cgi-bin/gettoken', { params: { corpid: 'wwthrottle', corpsecret: 'secret' } })).data.errcode).toBe(0);
    await sim.sim('post', '/sim/clock', { offsetMs: 0 });
  });

  it('limits calls per corp per API and blocks for the rest of the window (45009)', async () => {
    await sim.corp('wwrate', { options: { apiPerMinute: 2 } });
    const token = await sim.token('wwrate');
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await sim.cgi(token, 'user/get', undefined, { userid: 'a' })).errcode);
    expect(codes).toEqual([0, 0, 45009, 45009]);
    // Another API has its own window.
    expect((await sim.cgi(token, 'externalcontact/get_follow_user_list', undefined)).errcode).toBe(0);
  });

  it('answers injected errcodes for exactly the next N calls, optionally for one corp', async () => {
    const token = await sim.token('wwtok');
    await sim.sim('post', '/sim/faults', { api: 'user/get', errcode: -1, count: 2, corpId: 'wwtok' });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await sim.cgi(token, 'user/get', undefined, { userid: 'a' })).errcode);
    expect(codes).toEqual([-1, -1, 0]);
    await sim.sim('post', '/sim/faults', { api: '/cgi-bin/externalcontact/mark_tag', errcode: 45035, count: 1 });
    const r = await sim.cgi(token, 'externalcontact/mark_tag', { userid: 'a', external_userid: 'x', add_tag: ['t'] });
    expect(r).toMatchObject({ errcode: 45035 });
    expect(r.errmsg).toContain('e=45035');
  });

  it('adds latency', async () => {
    const token = await sim.token('wwtok');
    await sim.sim('post', '/sim/faults/latency', { api: 'user/get', ms: 150 });
    const t0 = Date.now();
    await sim.cgi(token, 'user/get', undefined, { userid: 'a' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('answers 47001 for a body that is not JSON', async () => {
    const token = await sim.token('wwtok');
    const res = await sim.http.post('/cgi-bin/externalcontact/add_contact_way', '{oops', { params: { access_token: token }, headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.data.errcode).toBe(47001);
  });

  it('records every call with its errcode for inspection', async () => {
    await sim.corp('wwcalls');
    const token = await sim.token('wwcalls');
    await sim.cgi(token, 'user/get', undefined, { userid: 'a' });
    await sim.cgi(token, 'user/get', undefined, { userid: 'nobody' });
    const calls = await sim.sim('get', '/sim/corps/wwcalls/calls?api=user/get');
    expect(calls.total).toBe(2);
    expect(calls.byErrcode).toEqual({ '0': 1, '60111': 1 });
    expect(calls.calls[0]).toMatchObject({ api: 'user/get', errcode: 0 });
    expect(typeof calls.calls[0].at).toBe('number');
    const all = await sim.sim('get', '/sim/corps/wwcalls/calls');
    expect(all.byApi).toMatchObject({ gettoken: 1, 'user/get': 2 });
  });

  it('serves user/get like WeCom', async () => {
    const token = await sim.token('wwtok');
    expect(await sim.cgi(token, 'user/get', undefined, { userid: 'c' })).toMatchObject({ errcode: 0, userid: 'c', name: '王五', department: [1], status: 4 });
  });
});
