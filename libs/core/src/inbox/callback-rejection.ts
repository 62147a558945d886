import { CallbackError, CallbackFormatError, CallbackReceiveIdError } from '@scrm/wechat-work-sdk';

/** Why a callback was refused: the counter's field name and the log's reason. */
export type RejectionReason = 'unknown_tenant' | 'bad_signature' | 'foreign_receive_id' | 'bad_xml' | 'too_large';

/** A callback we refuse: nothing is stored, WeCom (or whoever sent it) gets this status. */
export class CallbackRejection extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 413,
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
  }

  static from(err: CallbackError): CallbackRejection {
    if (err instanceof CallbackFormatError) return new CallbackRejection(400, 'bad_xml', err.message);
    if (err instanceof CallbackReceiveIdError) return new CallbackRejection(401, 'foreign_receive_id', err.message);
    return new CallbackRejection(401, 'bad_signature', err.message);
  }
}
