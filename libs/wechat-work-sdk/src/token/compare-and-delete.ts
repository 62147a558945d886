import type Redis from 'ioredis';

const SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Deletes `key` only while it still holds `value`; true when it did. */
export async function compareAndDelete(redis: Redis, key: string, value: string): Promise<boolean> {
  return (await redis.eval(SCRIPT, 1, key, value)) === 1;
}
