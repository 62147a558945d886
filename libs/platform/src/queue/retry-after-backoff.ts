/**
 * Bull backoff strategy: exponential from `options.delay`, but never sooner than the failed call's own
 * `retryAfterMs` (the SDK sets it for WeCom's 45009 limit window, 41063 and the like). With plain exponential
 * backoff a job would burn its attempts inside a 60-second window and fail for good.
 */
export const RETRY_AFTER_BACKOFF = 'retry-after';

export function retryAfterBackoff(attemptsMade: number, err: unknown, options: { delay?: number } | null): number {
  const exponential = Math.round((2 ** attemptsMade - 1) * (options?.delay ?? 1_000));
  const retryAfter = Number((err as { retryAfterMs?: unknown } | undefined)?.retryAfterMs) || 0;
  return Math.max(exponential, retryAfter);
}

/** Job options that use it: `backoff: retryAfter(2_000)`. */
export const retryAfter = (delay: number) => ({ type: RETRY_AFTER_BACKOFF, options: { delay } });
