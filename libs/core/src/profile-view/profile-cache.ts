import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@scrm/platform';
import type Redis from 'ioredis';

/** How long a cached view lives without a change announced for it (a safety net: changes drop it at once). */
export const PROFILE_CACHE_SECONDS = 300;

// Writes only if no change was announced since the read began: otherwise a slow read could put back a view the
// change had just dropped. KEYS: customer version, view, index of the customer's views, tenant version.
// ARGV: versions read ("customer:tenant"), view, ttl.
const PUT_IF_CURRENT = `
if ((redis.call('GET', KEYS[1]) or '0') .. ':' .. (redis.call('GET', KEYS[4]) or '0')) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
redis.call('SADD', KEYS[3], KEYS[2])
redis.call('EXPIRE', KEYS[3], ARGV[3])
return 1`;

// KEYS: version, index. Drops every view of the customer (every ref and role) and moves the version on.
const DROP = `
local views = redis.call('SMEMBERS', KEYS[2])
for _, k in ipairs(views) do redis.call('DEL', k) end
redis.call('DEL', KEYS[2])
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], 86400)
return #views`;

/**
 * The 360° view in Redis, per (tenant, how the customer was named, role): a hit is one GET, no Postgres. A change to
 * a customer drops all of their views at once through a per-customer index of keys.
 */
@Injectable()
export class ProfileCache {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  viewKey(tenantId: string, ref: string, role: string): string {
    return `profile:view:${tenantId}:${role}:${ref}`;
  }

  get(key: string): Promise<string | null> {
    return this.redis.get(key);
  }

  /** Read before loading a view, handed back to `put`: the customer's and the tenant's versions. */
  async version(tenantId: string, customerId: string): Promise<string> {
    const [customer, tenant] = await this.redis.mget(this.versionKey(tenantId, customerId), this.tenantVersionKey(tenantId));
    return `${customer ?? '0'}:${tenant ?? '0'}`;
  }

  /** Inside the script KEYS carry ioredis' prefix, so the index holds the full names DROP deletes. */
  async put(tenantId: string, customerId: string, key: string, version: string, view: string): Promise<boolean> {
    const keys = [this.versionKey(tenantId, customerId), key, this.indexKey(tenantId, customerId), this.tenantVersionKey(tenantId)];
    const done = await this.redis.eval(PUT_IF_CURRENT, keys.length, ...keys, version, view, PROFILE_CACHE_SECONDS);
    return done === 1;
  }

  async drop(tenantId: string, customerIds: string[]): Promise<void> {
    await Promise.all(customerIds.map((id) => this.redis.eval(DROP, 2, this.versionKey(tenantId, id), this.indexKey(tenantId, id))));
  }

  /**
   * Every cached view of the tenant, after a change to what views show of every customer (a tag renamed, a group
   * restricted to roles). The tenant version moves first, so a read already under way cannot put an old view back.
   */
  async dropTenant(tenantId: string): Promise<number> {
    await this.redis.incr(this.tenantVersionKey(tenantId));
    // SCAN patterns and the keys it returns carry ioredis' prefix; DEL adds it again, so it is stripped.
    const prefix = this.redis.options.keyPrefix ?? '';
    let dropped = 0;
    for await (const keys of this.redis.scanStream({ match: `${prefix}${this.viewKey(tenantId, '*', '*')}`, count: 1_000 })) {
      const names = (keys as string[]).map((k) => k.slice(prefix.length));
      if (names.length > 0) dropped += await this.redis.del(...names);
    }
    return dropped;
  }

  private tenantVersionKey(tenantId: string): string {
    return `profile:version:${tenantId}`;
  }

  private versionKey(tenantId: string, customerId: string): string {
    return `profile:version:${tenantId}:${customerId}`;
  }

  private indexKey(tenantId: string, customerId: string): string {
    return `profile:keys:${tenantId}:${customerId}`;
  }
}
