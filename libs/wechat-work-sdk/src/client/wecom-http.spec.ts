import { WeComApiError } from '../errors/wecom-api-error';
import { FakeWeCom } from '../testing/fake-wecom';
import { clientFor, fastSleep } from '../testing/test-client';
import { testRedis } from '../testing/test-redis';

describe('WeComHttp retries and 45009 windows (fake WeCom, real Redis)', () => {
  let fake: FakeWeCom;
  let r: ReturnType<typeof testRedis>;
  let sleeps: number[];
  let clock: number;
  // The SDK's waits move the fake clock, as real sleeping would.
  const sleep = async (ms: number) => {
    clock += ms;
    await fastSleep(sleeps)(ms);
  };
  const opts = (extra = {}) => ({ keyPrefix: r.keyPrefix, sleep, now: () => clock, random: () => 0.5, ...extra });

  beforeEach(async () => {
    fake = await FakeWeCom.start();
    fake.on('user/get', (c) => ({ userid: c.query.userid, name: 'n', department: [1], status: 1 }));
    r = testRedis();
    sleeps = [];
    clock = 1_700_000_000_000;
  });
  afterEach(async () => {
    await fake.close();
    await r.cleanup();
  });

  it('retries a burst of -1 with exponential backoff and full jitter', async () => {
    const client = clientFor(fake, r.redis, opts({ retryBaseDelayMs: 100 }));
    fake.queue('user/get', { errcode: -1, errmsg: 'system busy' }, { errcode: 45033, errmsg: 'api concurrent out of limit' }, { errcode: -1, errmsg: 'system busy' });
    await expect(client.staff.getUser('a')).resolves.toMatchObject({ userid: 'a' });
    expect(fake.callsOf('user/get')).toHaveLength(4);
    expect(sleeps).toEqual([50, 100, 200]); // random()=0.5 of 100, 200, 400
  });

  it('gives up after 3 retries with a retryable error', async () => {
    const client = clientFor(fake, r.redis, opts());
    fake.queue('user/get', ...Array.from({ length: 5 }, () => ({ errcode: -1, errmsg: 'system busy' })));
    const err = await client.staff.getUser('a').catch((e) => e);
    expect(err).toBeInstanceOf(WeComApiError);
    expect(err).toMatchObject({ errcode: -1, retryable: true });
    expect(fake.callsOf('user/get')).toHaveLength(4);
  });

  it.each([45035, 41096])('retries %i', async (errcode) => {
    const client = clientFor(fake, r.redis, opts());
    fake.queue('user/get', { errcode, errmsg: 'x' });
    await expect(client.staff.getUser('a')).resolves.toBeDefined();
  });

  it('60020 fails fast with the trusted-IP hint', async () => {
    const client = clientFor(fake, r.redis, opts());
    fake.queue('user/get', { errcode: 60020, errmsg: 'not allow to access from your ip, hint: [1], from ip: 1.2.3.4' });
    const err = await client.staff.getUser('a').catch((e) => e);
    expect(err).toMatchObject({ errcode: 60020, retryable: false, api: 'user/get', corpId: 'wwfake' });
    expect(err.hint).toContain("add this server's IP to the app's trusted IP list");
    expect(err.message).toContain('trusted IP list');
    expect(fake.callsOf('user/get')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('41051 is permanent but benign', async () => {
    const client = clientFor(fake, r.redis, opts());
    fake.queue('externalcontact/send_welcome_msg', { errcode: 41051, errmsg: 'customer already begin chatting' });
    const err = await client.welcome.send({ welcome_code: 'C', text: { content: 'hi' } }).catch((e) => e);
    expect(err).toMatchObject({ errcode: 41051, retryable: false, benign: true });
  });

  it('41063 is retryable later, without an inline retry', async () => {
    const client = clientFor(fake, r.redis, opts());
    fake.queue('externalcontact/get_groupmsg_send_result', { errcode: 41063, errmsg: 'not ready' });
    const err = await client.massSend.getSendResult({ msgid: 'm', userid: 'u' }).catch((e) => e);
    expect(err).toMatchObject({ errcode: 41063, retryable: true, retryAfterMs: 60_000 });
    expect(fake.callsOf('externalcontact/get_groupmsg_send_result')).toHaveLength(1);
  });

  it('45009 blocks that API for every process until the window ends', async () => {
    const a = clientFor(fake, r.redis, opts());
    const b = clientFor(fake, r.connect(), opts());
    fake.queue('user/get', { errcode: 45009, errmsg: 'api freq out of limit' });

    const first = await a.staff.getUser('x').catch((e) => e);
    expect(first).toMatchObject({ errcode: 45009, retryable: true, retryAfterMs: 60_000, local: false });

    clock += 10_000;
    const blocked = await b.staff.getUser('x').catch((e) => e);
    expect(blocked).toMatchObject({ errcode: 45009, retryable: true, retryAfterMs: 50_000, local: true });
    expect(fake.callsOf('user/get')).toHaveLength(1); // did not reach WeCom

    // other APIs of the same corp are not blocked
    await expect(b.staff.getFollowUserList()).resolves.toEqual([]);

    clock += 50_000;
    await expect(b.staff.getUser('x')).resolves.toMatchObject({ userid: 'x' });
    expect(fake.callsOf('user/get')).toHaveLength(2);
  });

  it('waits inline when the block ends within maxInlineWaitMs', async () => {
    const client = clientFor(fake, r.redis, opts({ maxInlineWaitMs: 2_000 }));
    fake.queue('user/get', { errcode: 45009, errmsg: 'api freq out of limit' });
    await client.staff.getUser('x').catch(() => undefined);
    clock += 59_000;
    await expect(client.staff.getUser('x')).resolves.toMatchObject({ userid: 'x' });
    expect(sleeps).toEqual([1_000]);
  });

  it('an hourly 45009 blocks for an hour', async () => {
    const client = clientFor(fake, r.redis, opts());
    fake.queue('user/get', { errcode: 45009, errmsg: 'api freq out of limit per hour' });
    await expect(client.staff.getUser('x')).rejects.toMatchObject({ retryAfterMs: 3_600_000 });
  });

  it('treats a network failure like -1', async () => {
    const port = new URL(fake.baseUrl).port;
    await fake.close();
    const client = clientFor({ baseUrl: `http://127.0.0.1:${port}/cgi-bin/`, corpId: 'c', corpSecret: 's' }, r.redis, opts());
    const err = await client.staff.getUser('x').catch((e) => e);
    expect(err).toMatchObject({ errcode: -1, retryable: true, api: 'gettoken' });
    expect(err.errmsg).toMatch(/network error/);
    expect(sleeps).toHaveLength(3);
    fake = await FakeWeCom.start(); // for afterEach
  });
});
