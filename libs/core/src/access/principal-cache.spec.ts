import type { TenantPrincipal } from '@scrm/platform';
import { PRINCIPAL_CACHE_MS, PrincipalCache } from './principal-cache';

describe('PrincipalCache', () => {
  const p = (tenantId: string): TenantPrincipal => ({ kind: 'user', tenantId, tokenId: 't', role: 'viewer', userId: 'u', staffUserId: null });
  afterEach(() => jest.useRealTimers());

  it('forgets a token after a few seconds, and never keeps it past its own expiry', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new PrincipalCache();
    cache.set('a', p('t1'), null);
    cache.set('b', p('t1'), new Date(1_000_000 + 1_000));
    jest.setSystemTime(1_000_000 + 1_500);
    expect(cache.get('a')).not.toBeNull();
    expect(cache.get('b')).toBeNull();
    jest.setSystemTime(1_000_000 + PRINCIPAL_CACHE_MS);
    expect(cache.get('a')).toBeNull();
  });

  it("drops one tenant's tokens on a tenant change, and everything on clear", () => {
    const cache = new PrincipalCache();
    cache.set('a', p('t1'), null);
    cache.set('b', p('t2'), null);
    cache.forgetTenant('t1');
    expect([cache.get('a'), cache.get('b')?.tenantId]).toEqual([null, 't2']);
    cache.clear();
    expect(cache.get('b')).toBeNull();
  });
});
