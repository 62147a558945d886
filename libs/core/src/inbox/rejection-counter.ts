import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@scrm/platform';
import type Redis from 'ioredis';
import { RejectionReason } from './callback-rejection';

const KEY = 'inbox:rejections';

/** Counts refused callbacks by reason in one Redis hash, for the platform operator. Best effort: never blocks intake. */
@Injectable()
export class RejectionCounter {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  count(reason: RejectionReason): void {
    this.redis.hincrby(KEY, reason, 1).catch(() => undefined);
  }

  async read(): Promise<Record<string, number>> {
    const raw = await this.redis.hgetall(KEY);
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
  }
}
