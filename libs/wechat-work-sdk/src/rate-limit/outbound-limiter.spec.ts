import { WeComApiError } from '../errors/wecom-api-error';
import { FakeWeCom } from '../testing/fake-wecom';
import { clientFor, fastSleep } from '../testing/test-client';
import { testRedis } from '../testing/test-redis';

describe('outbound rate limits (fake WeCom, real Redis)', () => {
  let fake: FakeWeCom;
  let r: ReturnType<typeof testRedis>;
  let sleeps: number[];

  beforeEach(async () => {
    fake = await FakeWeCom.start();
    fake.on('user/get', (c) => ({ userid: c.query.userid }));
    fake.on('message/send', () => ({ invaliduser: '', msgid: 'm' }));
    r = testRedis();
    sleeps = [];
  });
  afterEach(async () => {
    await fake.close();
    await r.cleanup();
  });

  it('never lets more than the per-API budget through, across processes', async () => {
    const limits = { perApi: [{ points: 5, durationSec: 60 }] };
    const a = clientFor(fake, r.redis, { keyPrefix: r.keyPrefix, limits, maxInlineWaitMs: 0 });
    const b = clientFor(fake, r.connect(), { keyPrefix: r.keyPrefix, limits, maxInlineWaitMs: 0 });
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).staff.getUser(`u${i}`)));

    expect(fake.callsOf('user/get')).toHaveLength(5);
    const refused = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected').map((x) => x.reason);
    expect(refused).toHaveLength(7);
    for (const e of refused) {
      expect(e).toBeInstanceOf(WeComApiError);
      expect(e).toMatchObject({ retryable: true, local: true, api: 'user/get' });
      expect(e.retryAfterMs).toBeGreaterThan(0);
      expect(e.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
    // each API has its own budget
    await expect(a.staff.getFollowUserList()).resolves.toEqual([]);
  });

  it('waits for the next window when that is short, keeping to the rate', async () => {
    const client = clientFor(fake, r.redis, { keyPrefix: r.keyPrefix, limits: { perApi: [{ points: 2, durationSec: 1 }] }, maxInlineWaitMs: 5_000 });
    const started = Date.now();
    for (let i = 0; i < 5; i++) await client.staff.getUser(`u${i}`);
    const hits = fake.callsOf('user/get').map((c) => c.at - started);
    expect(hits).toHaveLength(5);
    // 2 per 1-second window: the 5th call is in the third window
    expect(hits[4]).toBeGreaterThanOrEqual(1_900);
  });

  it('message/send: a recipient over the limit is refused before WeCom, never dropped', async () => {
    const client = clientFor(fake, r.redis, {
      keyPrefix: r.keyPrefix,
      limits: { perMessageRecipient: [{ points: 3, durationSec: 60 }] },
      maxInlineWaitMs: 0,
      sleep: fastSleep(sleeps),
    });
    const send = (touser: string) => client.messages.send({ touser, msgtype: 'text', text: { content: 'reminder' } });
    for (let i = 0; i < 3; i++) await send('zhangsan');

    const err = await send('zhangsan|lisi').catch((e) => e);
    expect(err).toMatchObject({ errcode: 45009, retryable: true, local: true, api: 'message/send' });
    expect(err.retryAfterMs).toBeGreaterThan(1_000);
    expect(err.hint).toMatch(/silently dropped/);
    expect(fake.callsOf('message/send')).toHaveLength(3);

    // all-or-nothing: lisi's point was given back, so lisi still has 3
    for (let i = 0; i < 3; i++) await send('lisi');
    await expect(send('lisi')).rejects.toMatchObject({ local: true });
    expect(fake.callsOf('message/send')).toHaveLength(6);
  });

  it('message/send fills agentid from the tenant and refuses @all', async () => {
    const client = clientFor(fake, r.redis, { keyPrefix: r.keyPrefix });
    await client.messages.send({ touser: 'a|b', msgtype: 'text', text: { content: 'x' } });
    expect(fake.callsOf('message/send')[0].body).toEqual({ touser: 'a|b', msgtype: 'text', text: { content: 'x' }, agentid: 1000002 });
    expect(() => client.messages.send({ touser: '@all', msgtype: 'text', text: { content: 'x' } })).toThrow(WeComApiError);
  });
});
