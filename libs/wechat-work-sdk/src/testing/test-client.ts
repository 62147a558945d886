import type Redis from 'ioredis';
import { WeComClient } from '../client/wecom-client';
import { WeComLogger } from '../logger';
import { WeComSdkOptionsInput } from '../sdk-options';
import { FakeWeCom } from './fake-wecom';

export interface LogLine {
  level: 'debug' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** Records requested sleeps and sleeps for real only briefly, so backoff and polling stay fast. */
export function fastSleep(sleeps: number[], capMs = 5): (ms: number) => Promise<void> {
  return (ms) => {
    sleeps.push(ms);
    return new Promise((r) => setTimeout(r, Math.min(ms, capMs)));
  };
}

export function captureLogger(lines: LogLine[]): WeComLogger {
  return {
    debug: (message, fields) => lines.push({ level: 'debug', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  };
}

/** A client for `fake` (or anything with a baseUrl, e.g. the simulator), with test-friendly options. */
export function clientFor(
  target: Pick<FakeWeCom, 'baseUrl' | 'corpId' | 'corpSecret'>,
  redis: Redis,
  options: WeComSdkOptionsInput,
  tenant: { corpSecret?: string; agentId?: number } = {},
): WeComClient {
  return new WeComClient(
    { tenantKey: 't1', corpId: target.corpId, corpSecret: tenant.corpSecret ?? target.corpSecret, agentId: tenant.agentId ?? 1000002, baseUrl: target.baseUrl },
    redis,
    { retryBaseDelayMs: 10, timeoutMs: 2_000, ...options },
  );
}
