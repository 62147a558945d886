/** Knobs per corp. Defaults are WeCom's numbers; tests lower them to hit limits quickly. */
export interface CorpOptions {
  /** gettoken calls per corp per minute before 45009. */
  gettokenPerMinute: number;
  /** Calls per corp per API before 45009 for the rest of the window. */
  apiPerMinute: number;
  apiPerHour: number;
  /** message/send to one member; beyond this the message is silently dropped. */
  appMessagesPerMemberMinute: number;
  appMessagesPerMemberHour: number;
  /** Mass messages one customer may receive per calendar month; null = the number of days in that month. */
  massSendMonthlyQuota: number | null;
  /** get_groupmsg_send_result answers 41063 until this many seconds after add_msg_template (0 so tests are not slowed). */
  sendResultDelaySec: number;
  tokenTtlSec: number;
  /** WeCom waits 5 s for our answer to a callback. */
  callbackTimeoutMs: number;
  callbackRetryDelayMs: number;
  /** Deliveries in all (first + retries). The page is UNCONFIRMED between 3 and 4; 4 is the safer case for receivers. */
  callbackMaxDeliveries: number;
}

export const DEFAULT_CORP_OPTIONS: CorpOptions = {
  gettokenPerMinute: 300,
  apiPerMinute: 10_000,
  apiPerHour: 150_000,
  appMessagesPerMemberMinute: 30,
  appMessagesPerMemberHour: 1_000,
  massSendMonthlyQuota: null,
  sendResultDelaySec: 0,
  tokenTtlSec: 7200,
  callbackTimeoutMs: 5_000,
  callbackRetryDelayMs: 1_000,
  callbackMaxDeliveries: 4,
};
