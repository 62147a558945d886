import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@scrm/platform';
import { tryLock } from '@scrm/wechat-work-sdk';
import type Redis from 'ioredis';

const TTL_MS = 30_000;
const WAIT_MS = 15_000;

/**
 * One writer per channel's contact way at a time, across every api and worker process: an admin edit and
 * a roster sync never interleave their read-compute-push, so an older member list never overwrites a newer one.
 */
@Injectable()
export class ChannelLock {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async run<T>(tenantId: string, channelId: string, work: () => Promise<T>): Promise<T> {
    const key = `lock:channel:${tenantId}:${channelId}`;
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const lock = await tryLock(this.redis, key, TTL_MS);
      if (lock) {
        try {
          return await work();
        } finally {
          await lock.release();
        }
      }
      if (Date.now() > until) throw new Error(`channel ${channelId} is busy (lock held for over ${WAIT_MS} ms)`);
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
    }
  }
}
