import { Injectable, NestMiddleware } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Request = IncomingMessage & { id?: string; principal?: { tenantId?: string } };

/** The request log of QUIET_READ_ROUTES: nothing on success, one line (as pino-http's) on an error or an abort. */
@Injectable()
export class QuietReadLogMiddleware implements NestMiddleware {
  constructor(private readonly logger: PinoLogger) {}

  use(req: Request, res: ServerResponse, next: () => void): void {
    const start = Date.now();
    res.once('close', () => {
      if (res.writableFinished && res.statusCode < 400) return;
      const given = req.headers['x-request-id'];
      req.id = typeof given === 'string' && given.length <= 128 ? given : randomUUID();
      // The raw req, as pino-http passes it: the logger's serializer keeps id, method and path only (no headers, no query).
      const line = { ...(req.principal?.tenantId ? { tenantId: req.principal.tenantId } : {}), req, res: { statusCode: res.statusCode }, responseTime: Date.now() - start };
      if (res.statusCode >= 500) this.logger.error(line, 'request errored');
      else this.logger.info(line, res.writableFinished ? 'request completed' : 'request aborted');
    });
    next();
  }
}
