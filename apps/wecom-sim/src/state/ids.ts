import { randomBytes } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[bytes[i] % ALNUM.length];
  return out;
}

/** External user ids look like WeCom's: "wm" or "wo" + 30 characters. */
export function newExternalUserId(): string {
  return 'wm' + randomAlnum(30);
}

export function newChatId(): string {
  return 'wr' + randomAlnum(30);
}

/** Tag ids look like "et" + 30 chars (corp tags) and group ids the same. */
export function newTagId(): string {
  return 'et' + randomAlnum(30);
}

export function newConfigId(): string {
  return randomBytes(16).toString('hex');
}

export function newMsgId(): string {
  return 'msg' + randomAlnum(24);
}

export function newNonce(): string {
  return String(Math.floor(Math.random() * 1e10));
}
