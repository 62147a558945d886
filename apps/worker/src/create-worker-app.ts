import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { assertEveryJobHasHandler } from '@scrm/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Builds the worker exactly as production runs it; tests call this too. */
export async function createWorkerApp(): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  assertEveryJobHasHandler(app);
  app.enableShutdownHooks();
  return app;
}
