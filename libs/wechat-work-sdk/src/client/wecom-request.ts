/** One WeCom call as the API classes describe it to WeComHttp. */
export interface WeComRequest {
  method: 'GET' | 'POST';
  /** Query parameters besides access_token. */
  query?: Record<string, string | number | undefined>;
  /** JSON body, or FormData for media/upload. */
  body?: unknown;
  /** false only for gettoken. */
  auth?: boolean;
  /** message/send: the members who will receive it, for the per-member limit. */
  recipients?: string[];
  /** Errcodes that are an answer, not a failure (externalcontact/list: 84061 with [] means no customers). */
  acceptErrcodes?: number[];
}

/** Every WeCom answer carries these; errcode 0 means success. */
export interface WeComEnvelope {
  errcode: number;
  errmsg: string;
}
