import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createValidationPipe, setupSwagger } from '@scrm/platform';
import { Logger } from 'nestjs-pino';
import { ApiModule } from '../api.module';
import { mountCallbackRoutes } from '../wecom-callback/mount-callback-routes';

/** Builds the api exactly as production runs it; tests call this too. */
export async function createApiApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  // First, so WeCom's callbacks skip express and every parser and middleware below (they read their own raw body).
  mountCallbackRoutes(app);
  // Admin JSON is small; callbacks get their own raw-body parser on their route.
  app.useBodyParser('json', { limit: '1mb' });
  // The customer attribute CSV import (POST /api/v1/customers/attributes/import).
  app.useBodyParser('text', { type: 'text/csv', limit: '5mb' });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  setupSwagger(app, 'WeCom SCRM API', 'Admin API for marketers, staff task API and WeCom callback intake.');
  return app;
}
