import { WeComApiError } from '../errors/wecom-api-error';
import { FakeWeCom } from '../testing/fake-wecom';
import { captureLogger, clientFor, fastSleep, LogLine } from '../testing/test-client';
import { testRedis } from '../testing/test-redis';

describe('access token (against a fake WeCom and real Redis)', () => {
  let fake: FakeWeCom;
  let r: ReturnType<typeof testRedis>;
  let sleeps: number[];
  let logs: LogLine[];
  const opts = () => ({ keyPrefix: r.keyPrefix, sleep: fastSleep(sleeps), logger: captureLogger(logs) });

  beforeEach(async () => {
    fake = await FakeWeCom.start();
    fake.on('user/get', (c) => ({ userid: c.query.userid, name: 'Zhang San', department: [1], status: 1 }));
    r = testRedis();
    sleeps = [];
    logs = [];
  });
  afterEach(async () => {
    await fake.close();
    await r.cleanup();
  });

  it('caches the token in Redis, keyed without the secret, expiring before WeCom does', async () => {
    const client = clientFor(fake, r.redis, opts());
    await client.staff.getUser('zhangsan');
    await client.staff.getUser('lisi');
    expect(fake.callsOf('gettoken')).toHaveLength(1);

    const keys = await r.redis.keys(`${r.keyPrefix}token:*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain(fake.corpSecret);
    expect(keys[0]).toMatch(/token:t1:[0-9a-f]{16}$/);
    const ttl = await r.redis.pttl(keys[0]);
    expect(ttl).toBeGreaterThan((7200 - 300 - 5) * 1000);
    expect(ttl).toBeLessThanOrEqual((7200 - 300) * 1000);
  });

  it('puts the token in the query string only', async () => {
    const client = clientFor(fake, r.redis, opts());
    fake.on('externalcontact/mark_tag', () => ({}));
    await client.tags.mark({ userid: 'u', external_userid: 'e', add_tag: ['t'] });
    const call = fake.callsOf('externalcontact/mark_tag')[0];
    expect(call.query.access_token).toBe('fake-token-1');
    expect(JSON.stringify(call.body)).not.toContain('fake-token');
  });

  it('refreshes once for many concurrent callers in several processes', async () => {
    fake.tokenDelayMs = 150;
    const processes = [0, 1, 2].map(() => clientFor(fake, r.connect(), opts()));
    const results = await Promise.all(processes.flatMap((c) => Array.from({ length: 10 }, (_, i) => c.staff.getUser(`u${i}`))));
    expect(results).toHaveLength(30);
    expect(fake.callsOf('gettoken')).toHaveLength(1);
    expect(new Set(fake.callsOf('user/get').map((c) => c.query.access_token))).toEqual(new Set(['fake-token-1']));
  });

  it.each([
    [40014, 'invalid access_token'],
    [42001, 'access_token expired'],
  ])('on %i drops the token, refreshes and retries once', async (errcode, errmsg) => {
    const client = clientFor(fake, r.redis, opts());
    await client.getAccessToken();
    fake.queue('user/get', { errcode, errmsg });
    const user = await client.staff.getUser('zhangsan');
    expect(user.userid).toBe('zhangsan');
    expect(fake.callsOf('gettoken')).toHaveLength(2);
    expect(fake.callsOf('user/get').map((c) => c.query.access_token)).toEqual(['fake-token-1', 'fake-token-2']);
  });

  it('refreshes when WeCom invalidated tokens early', async () => {
    const client = clientFor(fake, r.redis, opts());
    await client.staff.getUser('a');
    fake.expireAllTokens();
    await expect(client.staff.getUser('b')).resolves.toMatchObject({ userid: 'b' });
    expect(fake.callsOf('gettoken')).toHaveLength(2);
  });

  it('retries only once when the fresh token is rejected too', async () => {
    const client = clientFor(fake, r.redis, opts());
    fake.queue('user/get', { errcode: 42001, errmsg: 'expired' }, { errcode: 42001, errmsg: 'expired' });
    const err = await client.staff.getUser('x').catch((e) => e);
    expect(err).toBeInstanceOf(WeComApiError);
    expect(err).toMatchObject({ errcode: 42001, api: 'user/get' });
    expect(fake.callsOf('user/get')).toHaveLength(2);
  });

  it('a stale rejection does not drop a token another caller already refreshed', async () => {
    const a = clientFor(fake, r.redis, opts());
    const old = await a.getAccessToken();
    await a.http.tokens.invalidate(old);
    const fresh = await a.getAccessToken();
    await a.http.tokens.invalidate(old); // late 40014 for the old token
    expect(await a.getAccessToken()).toBe(fresh);
    expect(fake.callsOf('gettoken')).toHaveLength(2);
  });

  it('40001 from gettoken is a permanent config error: one call, no retry storm, readable hint', async () => {
    const client = clientFor(fake, r.redis, opts(), { corpSecret: 'wrong-secret' });
    const started = Date.now();
    const errs = await Promise.all([1, 2, 3].map(() => client.staff.getUser('x').catch((e) => e)));
    for (const err of errs) {
      expect(err).toBeInstanceOf(WeComApiError);
      expect(err).toMatchObject({ errcode: 40001, api: 'gettoken', retryable: false });
      expect(err.hint).toMatch(/Secret/);
    }
    expect(fake.callsOf('gettoken')).toHaveLength(1);
    expect(fake.callsOf('user/get')).toHaveLength(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('never logs the secret or the token', async () => {
    const client = clientFor(fake, r.redis, opts());
    fake.queue('user/get', { errcode: 40014, errmsg: 'invalid access_token' }, { errcode: -1, errmsg: 'busy' });
    await client.staff.getUser('x');
    const text = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThan(0);
    expect(text).not.toContain(fake.corpSecret);
    expect(text).not.toContain('fake-token');
  });
});
