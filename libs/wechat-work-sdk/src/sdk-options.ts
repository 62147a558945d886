import { silentLogger, WeComLogger } from './logger';

/** One fixed window: at most `points` calls per `durationSec` (whole seconds; Redis EX). */
export interface RateWindow {
  points: number;
  durationSec: number;
}

export interface WeComSdkOptions {
  /** Prefix of every Redis key the SDK writes. */
  keyPrefix: string;
  /** axios timeout per HTTP request. */
  timeoutMs: number;
  /** Retries for -1, 45033, 45035, 41096 (after the first attempt). */
  maxRetries: number;
  /** Exponential backoff with full jitter: random() * min(max, base * 2^attempt). */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** A call that would have to wait (45009 block, rate limit) waits inline at most this long, then throws. */
  maxInlineWaitMs: number;
  /** The cached token expires this many seconds before WeCom's expires_in. */
  tokenSafetyMarginSec: number;
  /** Lock held while one process refreshes the token. */
  tokenLockTtlMs: number;
  /** How long other callers wait for that refresh, and how often they look. */
  tokenWaitMs: number;
  tokenPollMs: number;
  limits: {
    /** Per corp per API. WeCom: ≤10,000/min and ≤150,000/hour, so we stay below. */
    perApi: RateWindow[];
    /**
     * Per member receiving message/send. WeCom: ≤30/min, ≤1,000/hour, and the excess is silently dropped.
     * Fixed windows can double up across a boundary, so the defaults are half of WeCom's.
     */
    perMessageRecipient: RateWindow[];
  };
  logger: WeComLogger;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
}

export type WeComSdkOptionsInput = Partial<Omit<WeComSdkOptions, 'limits'>> & { limits?: Partial<WeComSdkOptions['limits']> };

export function resolveSdkOptions(input: WeComSdkOptionsInput = {}): WeComSdkOptions {
  const { limits, ...rest } = input;
  return {
    keyPrefix: 'wecom:',
    timeoutMs: 10_000,
    maxRetries: 3,
    retryBaseDelayMs: 200,
    retryMaxDelayMs: 5_000,
    maxInlineWaitMs: 2_000,
    tokenSafetyMarginSec: 300,
    tokenLockTtlMs: 30_000,
    tokenWaitMs: 35_000,
    tokenPollMs: 50,
    logger: silentLogger,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
    random: Math.random,
    ...stripUndefined(rest),
    limits: {
      perApi: limits?.perApi ?? [{ points: 9_000, durationSec: 60 }, { points: 140_000, durationSec: 3_600 }],
      perMessageRecipient: limits?.perMessageRecipient ?? [{ points: 15, durationSec: 60 }, { points: 500, durationSec: 3_600 }],
    },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
