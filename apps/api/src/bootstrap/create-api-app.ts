import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createValidationPipe, noteEscapedNul, rejectNulCharacters, setupSwagger } from '@scrm/platform';
import { Logger } from 'nestjs-pino';
import { ApiModule } from '../api.module';
import { mountCallbackRoutes } from '../wecom-callback/mount-callback-routes';

/** Builds the api exactly as production runs it; tests call this too. */
export async function createApiApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  // No ETag: a SHA-1 of every JSON answer, and no client sends If-None-Match (the 360° view is read at ~1,000/s).
  app.set('etag', false);
  // First, so WeCom's callbacks skip express and every parser and middleware below (they read their own raw body).
  mountCallbackRoutes(app);
  // Admin JSON is small; callbacks get their own raw-body parser on their route.
  app.useBodyParser('json', { limit: '1mb', verify: noteEscapedNul });
  // The customer attribute CSV import (POST /api/v1/customers/attributes/import).
  app.useBodyParser('text', { type: 'text/csv', limit: '5mb' });
  // Postgres cannot store U+0000: refused here, naming the field, instead of failing in a query.
  app.use(rejectNulCharacters);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupSwagger(app, 'WeCom SCRM API', 'Admin API for marketers, staff task API and WeCom callback intake.');
  return app;
}
