import type Redis from 'ioredis';

/**
 * After a 45009 every process must stop calling that API for the window (§2), so the
 * "blocked until" time lives in Redis, keyed per (corp, api).
 */
export class ApiBlocks {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly now: () => number,
  ) {}

  async block(corpId: string, api: string, windowMs: number): Promise<void> {
    await this.redis.set(this.key(corpId, api), String(this.now() + windowMs), 'PX', windowMs);
  }

  /** Milliseconds until the API may be called again; 0 when it is open. */
  async remainingMs(corpId: string, api: string): Promise<number> {
    const until = Number(await this.redis.get(this.key(corpId, api)));
    return Number.isFinite(until) ? Math.max(0, until - this.now()) : 0;
  }

  private key(corpId: string, api: string): string {
    return `${this.keyPrefix}blocked:${corpId}:${api}`;
  }
}
