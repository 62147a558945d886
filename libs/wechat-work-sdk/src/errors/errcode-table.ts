/**
 * How the SDK treats each WeCom errcode (README §2). The ONLY place errcodes are classified.
 * - backoff: retried inside the call with exponential backoff and full jitter
 * - refresh-token: cached token dropped, refreshed, call retried once
 * - window: 45009, every process stops calling that API until the window ends
 * - later: retryable, but not worth retrying inside the call
 * - permanent: surfaced at once, never retried
 */
export type ErrcodeStrategy = 'backoff' | 'refresh-token' | 'window' | 'later' | 'permanent';

export interface ErrcodeRule {
  retryable: boolean;
  strategy: ErrcodeStrategy;
  /** A sentence a marketer (or an admin) can act on. */
  hint: string;
  /** True when the user should not see it as a failure (41051: the customer is already chatting). */
  benign?: boolean;
  /** Suggested wait for 'later' and 'window' codes. */
  retryAfterMs?: number;
}

const permanent = (hint: string, benign = false): ErrcodeRule => ({ retryable: false, strategy: 'permanent', hint, benign });
const backoff = (hint: string): ErrcodeRule => ({ retryable: true, strategy: 'backoff', hint });
const refresh = (hint: string): ErrcodeRule => ({ retryable: true, strategy: 'refresh-token', hint });

export const ERRCODE_TABLE: Readonly<Record<number, ErrcodeRule>> = {
  [-1]: backoff('WeCom was busy; the call is retried automatically.'),
  40001: permanent('The app Secret saved for this company is wrong or was reset: copy the current Secret from the WeCom admin console into the company settings.'),
  40013: permanent('The CorpID saved for this company is wrong: copy it from "My Company" in the WeCom admin console.'),
  40014: refresh('WeCom rejected the access token; it is refreshed and the call retried once.'),
  41001: permanent('The request carried no access token. This is a bug in our server; please report it.'),
  42001: refresh('The access token expired; it is refreshed and the call retried once.'),
  45009: { retryable: true, strategy: 'window', retryAfterMs: 60_000, hint: "WeCom's call limit for this API was reached; calls pause until the limit window ends, then resume." },
  45033: backoff('Too many simultaneous calls of this API; the call is retried automatically.'),
  45035: backoff('The same record was being changed at the same moment; the call is retried automatically.'),
  48002: permanent('This app may not use this WeCom API: grant the app the API permission in the WeCom admin console.'),
  60011: permanent("The app cannot see this member, department or tag: widen the app's visible range in the WeCom admin console."),
  60020: permanent("WeCom refused this server's IP address: add this server's IP to the app's trusted IP list in the WeCom admin console."),
  81013: permanent("None of the recipients is valid: check that the members exist and are in the app's visible range."),
  84061: permanent('This member and this customer are not (or no longer) connected in WeCom.'),
  84074: permanent('The app lacks customer-contact permission: in the WeCom admin console (Customer Contact › API) allow this app to call the API.'),
  40096: permanent('The customer id is not valid; the customer may have been removed. Refresh the customer list.'),
  40058: permanent('WeCom rejected a parameter: check the length and format of what was entered, or report a bug.'),
  40068: permanent('The tag or tag group no longer exists: refresh the tag list and pick again.'),
  40071: permanent('A tag with this name already exists: choose another name.'),
  41049: permanent('No welcome code was given, so the welcome message cannot be sent.'),
  41050: permanent('The welcome code expired (it lives 20 seconds after the add) or was already used; this customer cannot get the automatic welcome now.'),
  41051: permanent('The customer is already chatting with this member, so WeCom skipped the welcome message. Nothing to do.', true),
  41096: backoff("Another app is sending this customer's welcome right now; the call is retried automatically."),
  // UNCONFIRMED how long WeCom needs; a minute is the safe guess.
  41063: { retryable: true, strategy: 'later', retryAfterMs: 60_000, hint: 'The mass-send results are not ready yet; they are fetched again in a minute.' },
  41041: permanent('A contact way may hold at most 100 members (after expanding departments): remove some.'),
  41054: permanent('A chosen member has not activated WeCom yet: ask them to activate it, or pick someone else.'),
  41064: permanent('Too many attachments: a message may carry at most 9.'),
  41065: permanent('An attachment type is not supported by WeCom: use image, link, mini-program, video or file.'),
};

/** Rule for an errcode; unknown codes are permanent so a surprise never becomes a retry storm. */
export function classifyErrcode(errcode: number): ErrcodeRule {
  return ERRCODE_TABLE[errcode] ?? permanent(`WeCom refused the request (errcode ${errcode}); see the error message for details.`);
}

/** Codes that mean "the token is bad" on a business API (40001 too: the token may predate a Secret reset). */
export function isTokenRejection(errcode: number): boolean {
  return errcode === 40014 || errcode === 42001 || errcode === 40001;
}
