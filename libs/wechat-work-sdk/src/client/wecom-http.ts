import axios, { AxiosInstance } from 'axios';
import type Redis from 'ioredis';
import { classifyErrcode, isTokenRejection } from '../errors/errcode-table';
import { limitWindowMs } from '../errors/limit-window';
import { WeComApiError } from '../errors/wecom-api-error';
import { ApiBlocks } from '../rate-limit/api-block';
import { OutboundLimiter } from '../rate-limit/outbound-limiter';
import { WeComSdkOptions } from '../sdk-options';
import { DEFAULT_BASE_URL, WeComTenantConfig } from '../tenant-config';
import { tokenKey } from '../token/token-key';
import { FetchedToken, TokenStore } from '../token/token-store';
import { backoffDelay } from './backoff-delay';
import { callUrl, sendJson } from './json-transport';
import { WeComEnvelope, WeComRequest } from './wecom-request';

/**
 * Transport for one tenant: 45009 blocks, rate limits, token, HTTP, errcode handling and retries.
 * The API classes only describe requests; every WeCom rule about retrying lives here.
 */
export class WeComHttp {
  readonly tokens: TokenStore;
  private readonly baseURL: string;
  /** Media uploads only (multipart); every JSON call goes through sendJson. */
  private readonly axios: AxiosInstance;
  private readonly blocks: ApiBlocks;
  private readonly limiter: OutboundLimiter;

  constructor(
    readonly tenant: WeComTenantConfig,
    redis: Redis,
    private readonly opts: WeComSdkOptions,
  ) {
    const baseURL = (tenant.baseUrl ?? DEFAULT_BASE_URL).replace(/\/?$/, '/');
    this.baseURL = baseURL;
    this.axios = axios.create({ baseURL, timeout: opts.timeoutMs, validateStatus: () => true });
    this.blocks = new ApiBlocks(redis, opts.keyPrefix, opts.now);
    this.limiter = new OutboundLimiter(redis, opts.keyPrefix, opts.limits);
    const key = tokenKey(opts.keyPrefix, tenant.tenantKey ?? tenant.corpId, tenant.corpSecret);
    this.tokens = new TokenStore(redis, key, tenant.corpId, () => this.fetchToken(), opts);
  }

  get corpId(): string {
    return this.tenant.corpId;
  }

  /** Sends `req` to `api` (path under cgi-bin/), returning the body when errcode is 0, else throwing WeComApiError. */
  async request<T>(api: string, req: WeComRequest): Promise<T & WeComEnvelope> {
    const auth = req.auth !== false;
    let retries = 0;
    let refreshed = false;
    let waitedMs = 0;

    for (;;) {
      const waitMs = await this.admit(api, req);
      if (waitMs > 0) {
        if (waitedMs + waitMs > this.opts.maxInlineWaitMs) throw this.heldBack(api, req, waitMs);
        waitedMs += waitMs;
        await this.opts.sleep(waitMs);
        continue;
      }

      const token = auth ? await this.tokens.get() : undefined;
      const body = await this.send<T>(api, req, token);
      if (body.errcode === 0 || req.acceptErrcodes?.includes(body.errcode)) return body;

      const err = new WeComApiError({ errcode: body.errcode, errmsg: body.errmsg, api, corpId: this.corpId });
      const rule = classifyErrcode(body.errcode);
      const log = { api, errcode: body.errcode, corp: this.corpId, attempt: retries + 1 };

      if (auth && token && isTokenRejection(body.errcode) && !refreshed) {
        refreshed = true;
        await this.tokens.invalidate(token);
        this.opts.logger.warn('WeCom rejected the access token; refreshing and retrying once', log);
        continue;
      }
      if (rule.strategy === 'window') {
        const windowMs = limitWindowMs(body.errmsg);
        await this.blocks.block(this.corpId, api, windowMs);
        this.opts.logger.warn('WeCom 45009: API blocked for its window', { ...log, windowMs });
        throw new WeComApiError({ errcode: body.errcode, errmsg: body.errmsg, api, corpId: this.corpId, retryAfterMs: windowMs });
      }
      if (rule.strategy === 'backoff' && retries < this.opts.maxRetries) {
        const delay = backoffDelay(retries, this.opts.retryBaseDelayMs, this.opts.retryMaxDelayMs, this.opts.random);
        retries++;
        this.opts.logger.warn('WeCom call failed, retrying', { ...log, delayMs: delay });
        await this.opts.sleep(delay);
        continue;
      }
      if (err.retryable) this.opts.logger.warn('WeCom call failed', { ...log, hint: err.hint });
      else this.opts.logger.error('WeCom call failed', { ...log, hint: err.hint });
      throw err;
    }
  }

  /** 0 when the call may go now, else how long to wait (45009 block or our own rate limit). */
  private async admit(api: string, req: WeComRequest): Promise<number> {
    const blocked = await this.blocks.remainingMs(this.corpId, api);
    if (blocked > 0) return blocked;
    const apiWait = await this.limiter.takeApiCall(this.corpId, api);
    if (apiWait > 0 || !req.recipients?.length) return apiWait;
    return this.limiter.takeMessageRecipients(this.corpId, req.recipients);
  }

  private heldBack(api: string, req: WeComRequest, waitMs: number): WeComApiError {
    const hint = req.recipients?.length
      ? 'A recipient already got as many app messages as WeCom delivers per minute/hour (more would be silently dropped); send again later.'
      : "Calls to this WeCom API are paused to stay under WeCom's limits; try again later.";
    this.opts.logger.warn('WeCom call held back by the SDK', { api, corp: this.corpId, retryAfterMs: waitMs });
    return new WeComApiError({
      errcode: 45009,
      errmsg: 'held back by the SDK rate limit or a 45009 window, not sent to WeCom',
      api,
      corpId: this.corpId,
      retryAfterMs: waitMs,
      hint,
      retryable: true,
      local: true,
    });
  }

  private async send<T>(api: string, req: WeComRequest, token: string | undefined): Promise<T & WeComEnvelope> {
    const params = { ...req.query, ...(token ? { access_token: token } : {}) };
    try {
      const res =
        req.body instanceof FormData
          ? await this.axios.request({ url: api, method: req.method, params, data: req.body })
          : await sendJson(callUrl(this.baseURL, api, params), req.method, req.body, this.opts.timeoutMs);
      const data = res.data as Partial<WeComEnvelope> | undefined;
      if (res.status !== 200 || !data || typeof data !== 'object') {
        return transportFailure(`HTTP ${res.status} without a WeCom JSON body`);
      }
      return { ...data, errcode: Number(data.errcode ?? 0), errmsg: String(data.errmsg ?? '') } as T & WeComEnvelope;
    } catch (e) {
      // Timeouts and resets are treated like WeCom's "system busy" (-1): retried with backoff.
      return transportFailure(`network error: ${(e as { code?: string }).code ?? (e as Error).message}`);
    }
  }

  private async fetchToken(): Promise<FetchedToken> {
    return this.request<FetchedToken>('gettoken', {
      method: 'GET',
      auth: false,
      query: { corpid: this.tenant.corpId, corpsecret: this.tenant.corpSecret },
    });
  }
}

function transportFailure<T>(errmsg: string): T & WeComEnvelope {
  return { errcode: -1, errmsg } as T & WeComEnvelope;
}
