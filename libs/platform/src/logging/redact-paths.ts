/** Keys that must never reach a log line, wherever they appear in a logged object. */
export const SECRET_FIELD_NAMES = [
  'password',
  'passwordHash',
  'corpSecret',
  'corpSecretEnc',
  'callbackToken',
  'callbackTokenEnc',
  'encodingAesKey',
  'encodingAESKey',
  'encodingAesKeyEnc',
  'accessToken',
  'access_token',
  'token',
  'secret',
  'apiKey',
  'authorization',
];

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  ...SECRET_FIELD_NAMES.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];
