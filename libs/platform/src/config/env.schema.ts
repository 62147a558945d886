import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { Secret } from './secret.decorator';

/**
 * Every setting the system reads, in one validated class (STYLE §10).
 * Defaults work on a fresh machine of this kind; production must set the secrets.
 */
export class EnvSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString() @IsNotEmpty()
  DB_HOST = '127.0.0.1';

  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(1) @Max(65535)
  DB_PORT = 5432;

  @IsString() @IsNotEmpty()
  DB_USER = 'postgres';

  @Secret()
  @IsString()
  DB_PASSWORD = '';

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DB_NAME must be a plain lower-case Postgres identifier' })
  DB_NAME = 'scrm';

  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(1) @Max(500)
  DB_POOL_SIZE = 20;

  @IsString() @IsNotEmpty()
  REDIS_HOST = '127.0.0.1';

  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(1) @Max(65535)
  REDIS_PORT = 6379;

  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(0) @Max(15)
  REDIS_DB = 0;

  @Secret()
  @IsString()
  REDIS_PASSWORD = '';

  /** Namespaces every Redis key (queues, caches, locks) so deployments and test runs can share one Redis. */
  @Matches(/^[a-z0-9-]{1,32}$/, { message: 'REDIS_PREFIX must be 1-32 lower-case letters, digits or dashes' })
  REDIS_PREFIX = 'scrm';

  /** 32 bytes, base64: the AES-256-GCM key for corp secrets and AES keys at rest. */
  @Secret()
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'SECRETS_KEY must be 32 bytes in base64 (44 characters ending in =)' })
  SECRETS_KEY?: string;

  /** Bearer token of the platform operator, who creates and disables tenants. */
  @Secret()
  @IsOptional()
  @IsString() @MinLength(24, { message: 'PLATFORM_OPERATOR_TOKEN must be at least 24 characters' })
  PLATFORM_OPERATOR_TOKEN?: string;

  /** Public base URL of the api, used in callback URLs and staff task links. */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL = 'http://127.0.0.1:3000';

  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(60) @Max(31 * 24 * 3600)
  SESSION_TTL_SECONDS = 12 * 3600;

  /** Run pending migrations when a process starts (under an advisory lock). */
  @IsIn(['true', 'false'])
  MIGRATE_ON_START = 'true';

  // ---- intake (WeCom callbacks → inbox_events) ----

  /** The sweeper re-enqueues inbox rows neither done nor failed after this long (a Redis flush loses no event). */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(0) @Max(24 * 60)
  INBOX_SWEEP_AFTER_MINUTES = 2;

  /** How often the inbox sweeper runs. */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(1) @Max(3_600)
  INBOX_SWEEP_EVERY_SECONDS = 60;

  /** How long a worker's claim on an inbox row lasts; a worker that dies mid-event frees the row after it. */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(5) @Max(3_600)
  INBOX_LEASE_SECONDS = 300;

  /** Tries per inbox event before the row is marked failed. */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(1) @Max(50)
  INBOX_ATTEMPTS = 5;

  /** First retry delay of an inbox event; doubles each try. */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(1) @Max(3_600_000)
  INBOX_BACKOFF_MS = 2_000;

  /** How long a process keeps an active tenant's decrypted settings and time zone in memory (another process's change is seen after this). */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(0) @Max(3600)
  TENANT_CACHE_SECONDS = 30;

  // ---- full sync ----
  /** Local hour (in each tenant's time zone) at which the nightly full sync starts. */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(0) @Max(23)
  SYNC_NIGHTLY_HOUR = 3;

  /** How long a worker holds a sync run without writing a checkpoint before another may take it over. */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(10) @Max(3600)
  SYNC_LEASE_SECONDS = 120;

  // channels + welcome
  /** Adds within this window share one contact-way member update (0 = one update per add). */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(0) @Max(60_000)
  CHANNEL_ROSTER_DEBOUNCE_MS = 500;

  // computed tags
  /** Events arriving within this window share one incremental evaluation of the tenant's tag rules (0 = one per batch). */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(0) @Max(60_000)
  TAG_RULES_DEBOUNCE_MS = 1_000;

  /** Local hour (tenant time zone) of the nightly evaluation of every enabled tag rule. */
  @Transform(({ value }) => toInt(value))
  @IsInt() @Min(0) @Max(23)
  TAG_RULES_NIGHTLY_HOUR = 2;
}

function toInt(value: unknown): unknown {
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return value;
}
