import { classifyErrcode } from './errcode-table';
import { redact } from './redact';

export interface WeComApiErrorInit {
  errcode: number;
  errmsg: string;
  api: string;
  corpId?: string;
  retryAfterMs?: number;
  /** Overrides the table's hint (used for errors the SDK raises itself). */
  hint?: string;
  /** Overrides the table's retryable flag. */
  retryable?: boolean;
  /** True when the SDK refused or failed the call itself (rate limit, 45009 block, network) rather than WeCom. */
  local?: boolean;
}

/** The one error class for WeCom API failures; classification comes from errcode-table.ts. */
export class WeComApiError extends Error {
  readonly errcode: number;
  readonly errmsg: string;
  readonly api: string;
  readonly corpId?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly hint: string;
  /** Not a failure from the user's point of view (41051). */
  readonly benign: boolean;
  readonly local: boolean;

  constructor(init: WeComApiErrorInit) {
    const rule = classifyErrcode(init.errcode);
    const errmsg = redact(init.errmsg);
    const hint = init.hint ?? rule.hint;
    super(`WeCom ${init.api} failed: errcode ${init.errcode} (${errmsg}). ${hint}`);
    this.name = 'WeComApiError';
    this.errcode = init.errcode;
    this.errmsg = errmsg;
    this.api = init.api;
    this.corpId = init.corpId;
    this.retryable = init.retryable ?? rule.retryable;
    this.retryAfterMs = init.retryAfterMs ?? rule.retryAfterMs;
    this.hint = hint;
    this.benign = rule.benign ?? false;
    this.local = init.local ?? false;
  }
}

export function isWeComApiError(e: unknown): e is WeComApiError {
  return e instanceof WeComApiError;
}
