import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@scrm/platform';
import type Redis from 'ioredis';

/** How long a cached view lives without a change announced for it (a safety net: changes drop it at once). */
export const PROFILE_CACHE_SECONDS = 300;

// Writes only if no change was announced since the read began: otherwise a slow read could put back a view the
// change had just dropped. KEYS: version, view, index of the customer's views. ARGV: version read, view, ttl.
const PUT_IF_CURRENT = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
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

  async version(tenantId: string, customerId: string): Promise<string> {
    return (await this.redis.get(this.versionKey(tenantId, customerId))) ?? '0';
  }

  /** Inside the script KEYS carry ioredis' prefix, so the index holds the full names DROP deletes. */
  async put(tenantId: string, customerId: string, key: string, version: string, view: string): Promise<boolean> {
    const done = await this.redis.eval(PUT_IF_CURRENT, 3, this.versionKey(tenantId, customerId), key, this.indexKey(tenantId, customerId), version, view, PROFILE_CACHE_SECONDS);
    return done === 1;
  }

  async drop(tenantId: string, customerIds: string[]): Promise<void> {
    await Promise.all(customerIds.map((id) => this.redis.eval(DROP, 2, this.versionKey(tenantId, id), this.indexKey(tenantId, id))));
  }

  private versionKey(tenantId: string, customerId: string): string {
    return `profile:version:${tenantId}:${customerId}`;
  }

  private indexKey(tenantId: string, customerId: string): string {
    return `profile:keys:${tenantId}:${customerId}`;
  }
}
