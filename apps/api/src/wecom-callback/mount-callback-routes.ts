import type { NestExpressApplication } from '@nestjs/platform-express';
import { CallbackHttp } from './callback-http';

/**
 * Mounts the callback routes on express before anything Nest adds (body parsers, request log, guards, pipes,
 * interceptors), which run at init. Must be called right after NestFactory.create.
 */
export function mountCallbackRoutes(app: NestExpressApplication): void {
  const http = app.get(CallbackHttp);
  const express = app.getHttpAdapter().getInstance();
  express.get('/wecom/callback/:tenantId', http.verify);
  express.post('/wecom/callback/:tenantId', http.receive);
}
