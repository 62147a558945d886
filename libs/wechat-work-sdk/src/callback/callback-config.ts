/** Per-tenant callback settings from the WeCom admin console (§3). */
export interface CallbackConfig {
  /** Token: up to 32 letters/digits. */
  token: string;
  /** EncodingAESKey: 43 chars of [A-Za-z0-9]. */
  encodingAESKey: string;
  /** Receive id: the CorpID for a self-built app. Messages for any other id are rejected. */
  receiveId: string;
}

/** Query string WeCom sends with every callback (already URL-decoded). */
export interface CallbackQuery {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

/** Query string of the URL-verification GET. */
export interface VerifyUrlQuery extends CallbackQuery {
  echostr: string;
}
