import { randomBytes, createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvSchema } from './env.schema';
import { AppConfig } from './app-config';

export class ConfigError extends Error {}

/**
 * Reads and validates the environment once. A bad value throws a ConfigError naming the variable,
 * which the entry points print and exit on — the process never starts half-configured.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvSchema());
  const picked = Object.fromEntries(Object.entries(env).filter(([k, v]) => known.includes(k) && v !== undefined && v !== ''));
  const parsed = plainToInstance(EnvSchema, picked);
  const errors = validateSync(parsed, { whitelist: true });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (parsed.NODE_ENV === 'production') {
    for (const key of ['SECRETS_KEY', 'PLATFORM_OPERATOR_TOKEN'] as const) {
      if (!parsed[key]) throw new ConfigError(`Invalid configuration:\n  ${key}: must be set when NODE_ENV=production`);
    }
  }
  return new AppConfig(parsed, {
    secretsKey: parsed.SECRETS_KEY ? Buffer.from(parsed.SECRETS_KEY, 'base64') : devKey(parsed.DB_NAME),
    operatorToken: parsed.PLATFORM_OPERATOR_TOKEN ?? 'dev-operator-token-change-me-please',
  });
}

// Outside production a missing key falls back to a stable per-database dev key, so `npm start` works on a fresh clone.
function devKey(dbName: string): Buffer {
  return createHash('sha256').update(`scrm-dev-secrets-key:${dbName}`).digest();
}

export function randomSecretsKey(): string {
  return randomBytes(32).toString('base64');
}
