const SECRET_PARAMS = /\b(access_token|corpsecret|secret)=[^&\s"',]*/gi;

/** Strips access tokens and secrets from URLs and messages before they reach errors or logs. */
export function redact(text: string): string {
  return text.replace(SECRET_PARAMS, '$1=[redacted]');
}
