import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { compareAndDelete } from './compare-and-delete';

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * A single-instance Redis lock: SET NX PX to take it; release deletes only if we still own it,
 * so a lock that expired and was re-taken by another process is left alone.
 */
export async function tryLock(redis: Redis, key: string, ttlMs: number): Promise<HeldLock | undefined> {
  const owner = randomBytes(16).toString('hex');
  const ok = await redis.set(key, owner, 'PX', ttlMs, 'NX');
  if (ok !== 'OK') return undefined;
  return { release: async () => void (await compareAndDelete(redis, key, owner)) };
}
