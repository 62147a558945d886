import { createHash } from 'node:crypto';

/** One token per (corp, secret): the key holds a sha256 prefix of the secret, never the secret. */
export function tokenKey(keyPrefix: string, tenantKey: string, corpSecret: string): string {
  const secretId = createHash('sha256').update(corpSecret).digest('hex').slice(0, 16);
  return `${keyPrefix}token:${tenantKey}:${secretId}`;
}
