/**
 * A WeCom error answer. Services throw it; the cgi-bin interceptor turns it into an HTTP 200
 * `{ errcode, errmsg, ...defaults }`, defaults being the empty fields WeCom still sends on errors.
 */
export class WecomError extends Error {
  constructor(
    readonly errcode: number,
    readonly detail?: string,
    readonly defaults: Record<string, unknown> = {},
  ) {
    super(`wecom errcode ${errcode}${detail ? `: ${detail}` : ''}`);
  }
}

export function fail(errcode: number, detail?: string, defaults?: Record<string, unknown>): never {
  throw new WecomError(errcode, detail, defaults);
}
