import { RequestMethod } from '@nestjs/common';
import type { RouteInfo } from '@nestjs/common/interfaces';

/**
 * GET routes read at high rates (the cached 360° view at ~1,000/s): pino-http's per-request work — a child logger
 * with the serialised, redacted request, paid even at level silent — was the largest share of a cached read's CPU.
 * Their 2xx answers are not logged; anything ≥ 400 still is, by QuietReadLogMiddleware, with request id, tenant id,
 * method, path, status and time (see README, Logging).
 */
export const QUIET_READ_ROUTES: RouteInfo[] = [{ path: 'api/v1/customers/:ref/profile', method: RequestMethod.GET }];
