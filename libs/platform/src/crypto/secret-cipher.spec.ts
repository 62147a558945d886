import { loadConfig } from '../config/load-config';
import { SecretCipher } from './secret-cipher';

describe('SecretCipher', () => {
  const cipher = new SecretCipher(loadConfig({ SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') }));

  it('round-trips, with a fresh IV each time', () => {
    const a = cipher.encrypt('corp-secret');
    const b = cipher.encrypt('corp-secret');
    expect(a).not.toBe(b);
    expect(a).not.toContain('corp-secret');
    expect(cipher.decrypt(a)).toBe('corp-secret');
  });

  it('refuses tampered ciphertext and a different key', () => {
    const stored = cipher.encrypt('corp-secret');
    const parts = stored.split('.');
    parts[3] = Buffer.from('x' + Buffer.from(parts[3], 'base64url').toString('latin1').slice(1), 'latin1').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    const other = new SecretCipher(loadConfig({ SECRETS_KEY: Buffer.alloc(32, 2).toString('base64') }));
    expect(() => other.decrypt(stored)).toThrow();
  });
});
