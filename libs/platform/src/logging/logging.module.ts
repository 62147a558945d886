import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AppConfig } from '../config/app-config';
import { QuietReadLogMiddleware } from './quiet-read-log.middleware';
import { QUIET_READ_ROUTES } from './quiet-read-routes';
import { REDACT_PATHS } from './redact-paths';

/**
 * Structured JSON logs with request id and tenant id; secrets and tokens redacted; /health not logged; hot read routes
 * (QUIET_READ_ROUTES) logged only when they fail.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        exclude: QUIET_READ_ROUTES,
        pinoHttp: {
          level: config.env.LOG_LEVEL,
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          genReqId: (req: IncomingMessage) => {
            const given = req.headers['x-request-id'];
            return typeof given === 'string' && given.length <= 128 ? given : randomUUID();
          },
          customProps: (req: IncomingMessage) => {
            const principal = (req as IncomingMessage & { principal?: { tenantId?: string } }).principal;
            return principal?.tenantId ? { tenantId: principal.tenantId } : {};
          },
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
          serializers: {
            // Callback query strings carry signatures, and URLs may carry codes: log the path only.
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
          },
        },
      }),
    }),
  ],
  providers: [QuietReadLogMiddleware],
})
export class LoggingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(QuietReadLogMiddleware).forRoutes(...QUIET_READ_ROUTES);
  }
}
