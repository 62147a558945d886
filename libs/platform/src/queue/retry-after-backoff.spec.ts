import { retryAfterBackoff } from './retry-after-backoff';

describe('retryAfterBackoff', () => {
  it('grows exponentially from the base delay', () => {
    expect([1, 2, 3].map((n) => retryAfterBackoff(n, new Error('x'), { delay: 1_000 }))).toEqual([1_000, 3_000, 7_000]);
  });

  it('waits at least as long as the failed call asked (e.g. a 45009 window)', () => {
    expect(retryAfterBackoff(1, { retryAfterMs: 60_000 }, { delay: 1_000 })).toBe(60_000);
    expect(retryAfterBackoff(8, { retryAfterMs: 60_000 }, { delay: 1_000 })).toBe(255_000);
  });
});
