import Redis from 'ioredis';

let seq = 0;

/** A real Redis at 127.0.0.1:6379 with a key prefix unique to this test; cleanup deletes only that prefix. */
export function testRedis(): { redis: Redis; keyPrefix: string; connect: () => Redis; cleanup: () => Promise<void> } {
  const keyPrefix = `wecom-sdk-test:${process.pid}:${Date.now()}:${++seq}:`;
  const conns: Redis[] = [];
  const connect = () => {
    const r = new Redis({ host: process.env.REDIS_HOST ?? '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379), lazyConnect: false });
    conns.push(r);
    return r;
  };
  const redis = connect();
  const cleanup = async () => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    if (keys.length) await redis.del(...keys);
    await Promise.all(conns.map((c) => c.quit()));
  };
  return { redis, keyPrefix, connect, cleanup };
}
