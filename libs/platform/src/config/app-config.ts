import { EnvSchema } from './env.schema';
import { secretKeysOf } from './secret.decorator';

interface DerivedSecrets {
  secretsKey: Buffer;
  operatorToken: string;
}

/** The validated configuration, injected everywhere as AppConfig. Secrets are redacted from toJSON(). */
export class AppConfig {
  constructor(
    readonly env: EnvSchema,
    private readonly secrets: DerivedSecrets,
  ) {}

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  get secretsKey(): Buffer {
    return this.secrets.secretsKey;
  }

  get operatorToken(): string {
    return this.secrets.operatorToken;
  }

  get redis() {
    return {
      host: this.env.REDIS_HOST,
      port: this.env.REDIS_PORT,
      db: this.env.REDIS_DB,
      password: this.env.REDIS_PASSWORD || undefined,
      // Names this deployment's connections in CLIENT LIST (operators; the Redis fault spec finds its own by it).
      connectionName: this.env.REDIS_PREFIX,
    };
  }

  toJSON(): Record<string, unknown> {
    const redacted = new Set(secretKeysOf(this.env));
    return Object.fromEntries(Object.entries(this.env).map(([k, v]) => [k, redacted.has(k) && v ? '[redacted]' : v]));
  }
}
