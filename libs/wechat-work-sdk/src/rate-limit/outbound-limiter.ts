import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateWindow } from '../sdk-options';

/**
 * Outbound call budget shared by every process through Redis: per (corp, api), and per recipient
 * member for message/send. take*() is all-or-nothing: points already taken are given back when
 * any window refuses, and the answer is how long to wait (0 = go).
 */
export class OutboundLimiter {
  private readonly perApi: RateLimiterRedis[];
  private readonly perRecipient: RateLimiterRedis[];

  constructor(redis: Redis, keyPrefix: string, limits: { perApi: RateWindow[]; perMessageRecipient: RateWindow[] }) {
    const make = (name: string) => (w: RateWindow) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${keyPrefix}rl:${name}:${w.durationSec}`, points: w.points, duration: w.durationSec });
    this.perApi = limits.perApi.map(make('api'));
    this.perRecipient = limits.perMessageRecipient.map(make('msg-to'));
  }

  /** One call of `api` for this corp. */
  async takeApiCall(corpId: string, api: string): Promise<number> {
    return takeAll(this.perApi.map((limiter) => ({ limiter, key: `${corpId}:${api}` })));
  }

  /** One message to each member in `userIds`: either all of them fit, or none is counted. */
  async takeMessageRecipients(corpId: string, userIds: string[]): Promise<number> {
    const unique = [...new Set(userIds)];
    return takeAll(unique.flatMap((u) => this.perRecipient.map((limiter) => ({ limiter, key: `${corpId}:${u}` }))));
  }
}

async function takeAll(slots: Array<{ limiter: RateLimiterRedis; key: string }>): Promise<number> {
  const results = await Promise.allSettled(slots.map((s) => s.limiter.consume(s.key, 1)));
  let waitMs = 0;
  for (const r of results) {
    if (r.status === 'rejected') {
      if (!(r.reason instanceof RateLimiterRes)) throw r.reason; // a Redis failure, not a refusal
      waitMs = Math.max(waitMs, r.reason.msBeforeNext, 1);
    }
  }
  if (waitMs > 0) {
    const taken = slots.filter((_, i) => results[i].status === 'fulfilled');
    await Promise.all(taken.map((s) => s.limiter.reward(s.key, 1)));
  }
  return waitMs;
}
