import type { TenantPrincipal } from '@scrm/platform';

/** How long a process trusts a token it resolved: a revocation made through another api process takes this long. */
export const PRINCIPAL_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Tokens resolved in the last few seconds, by hash. The guard runs on every request and resolving is a three-table
 * join; at a thousand reads a second that join was most of a profile read's cost. Revocations made in this process
 * clear it at once (AccessTokenService), tenant changes drop their tenant's entries.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: TenantPrincipal; until: number }>();

  get(hash: string): TenantPrincipal | null {
    const e = this.entries.get(hash);
    if (!e) return null;
    if (e.until <= Date.now()) {
      this.entries.delete(hash);
      return null;
    }
    return e.principal;
  }

  /** Never past the token's own expiry. */
  set(hash: string, principal: TenantPrincipal, expiresAt: Date | null): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    const until = Math.min(Date.now() + PRINCIPAL_CACHE_MS, expiresAt ? new Date(expiresAt).getTime() : Infinity);
    this.entries.set(hash, { principal, until });
  }

  clear(): void {
    this.entries.clear();
  }

  forgetTenant(tenantId: string): void {
    for (const [hash, e] of this.entries) if (e.principal.tenantId === tenantId) this.entries.delete(hash);
  }
}
