/** Optional structured logger. Fields carry api, errcode, corp: never tokens or secrets. Nest's Logger fits. */
export interface WeComLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: WeComLogger = { debug: () => undefined, warn: () => undefined, error: () => undefined };
