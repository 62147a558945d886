/** Base class so callers can catch every callback failure in one place. */
export abstract class CallbackError extends Error {
  abstract readonly httpStatus: 400 | 401;
}

/** msg_signature does not match: not from WeCom (or wrong Token). Map to 401. */
export class CallbackSignatureError extends CallbackError {
  readonly httpStatus = 401 as const;
  constructor(message = 'callback signature mismatch') {
    super(message);
    this.name = 'CallbackSignatureError';
  }
}

/** Decrypted fine but meant for another corp/app. Map to 401. */
export class CallbackReceiveIdError extends CallbackError {
  readonly httpStatus = 401 as const;
  constructor(readonly receivedId: string) {
    super(`callback receive id ${JSON.stringify(receivedId)} is not ours`);
    this.name = 'CallbackReceiveIdError';
  }
}

/** Bad XML, missing Encrypt, bad base64, bad padding or bad length. Map to 400. */
export class CallbackFormatError extends CallbackError {
  readonly httpStatus = 400 as const;
  constructor(message: string) {
    super(message);
    this.name = 'CallbackFormatError';
  }
}
