import type Redis from 'ioredis';
import { WeComApiError } from '../errors/wecom-api-error';
import { WeComSdkOptions } from '../sdk-options';
import { compareAndDelete } from './compare-and-delete';
import { tryLock } from './redis-lock';

export interface FetchedToken {
  access_token: string;
  expires_in: number;
}

type TokenStoreOptions = Pick<
  WeComSdkOptions,
  'tokenSafetyMarginSec' | 'tokenLockTtlMs' | 'tokenWaitMs' | 'tokenPollMs' | 'sleep' | 'logger'
> & { now?: () => number };

/**
 * How long a process keeps the token it read from Redis before reading it again (never past its Redis expiry). A token
 * replaced meanwhile by another process costs at most one rejected call here: 40014/42001 drop it and retry once.
 */
const LOCAL_MAX_MS = 60_000;

/**
 * access_token cached in Redis and refreshed by one process at a time: gettoken is itself
 * rate-limited (45009), so a stampede of refreshes would lock the whole corp out.
 */
export class TokenStore {
  private inflight?: Promise<string>;
  /** The token as last read or stored, so most calls skip the Redis round trip (two per welcome otherwise). */
  private local?: { token: string; until: number };

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly corpId: string,
    private readonly fetchToken: () => Promise<FetchedToken>,
    private readonly opts: TokenStoreOptions,
  ) {}

  async get(): Promise<string> {
    if (this.local && this.local.until > this.now()) return this.local.token;
    const [[, cached], [, pttl]] = (await this.redis.multi().get(this.key).pttl(this.key).exec()) as [[null, string | null], [null, number]];
    if (cached) return this.remember(cached, pttl);
    // Callers in this process share one refresh; other processes are held off by the Redis lock.
    this.inflight ??= this.refresh().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  /** Drops the cached token, but only if it is still the bad one (another caller may have refreshed already). */
  async invalidate(badToken: string): Promise<void> {
    if (this.local?.token === badToken) this.local = undefined;
    if (await compareAndDelete(this.redis, this.key, badToken)) {
      this.opts.logger.warn('WeCom access token rejected, dropped from cache', { corp: this.corpId });
    }
  }

  private async refresh(): Promise<string> {
    const maxPolls = Math.ceil(this.opts.tokenWaitMs / this.opts.tokenPollMs);
    for (let poll = 0; ; poll++) {
      const lock = await tryLock(this.redis, `${this.key}:lock`, this.opts.tokenLockTtlMs);
      if (lock) {
        try {
          return (await this.redis.get(this.key)) ?? (await this.fetchAndStore());
        } finally {
          await lock.release();
        }
      }
      if (poll >= maxPolls) {
        throw new WeComApiError({
          errcode: -1,
          errmsg: 'timed out waiting for another process to refresh the access token',
          api: 'gettoken',
          corpId: this.corpId,
          local: true,
        });
      }
      await this.opts.sleep(this.opts.tokenPollMs);
      const fresh = await this.redis.get(this.key);
      if (fresh) return fresh;
    }
  }

  private async fetchAndStore(): Promise<string> {
    const { access_token, expires_in } = await this.fetchToken();
    // Refresh before WeCom's expiry; a very short expires_in still gets half its life cached.
    const ttlSec = expires_in > 2 * this.opts.tokenSafetyMarginSec ? expires_in - this.opts.tokenSafetyMarginSec : expires_in / 2;
    const ttlMs = Math.max(1, Math.floor(ttlSec * 1000));
    await this.redis.set(this.key, access_token, 'PX', ttlMs);
    this.opts.logger.debug('WeCom access token refreshed', { corp: this.corpId, ttlSec });
    return this.remember(access_token, ttlMs);
  }

  private remember(token: string, ttlMs: number): string {
    // pttl < 0: no expiry known (key without TTL or just gone): keep it for no longer than the local maximum.
    this.local = { token, until: this.now() + (ttlMs > 0 ? Math.min(ttlMs, LOCAL_MAX_MS) : LOCAL_MAX_MS) };
    return token;
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }
}
