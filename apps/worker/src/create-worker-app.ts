import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WeComEventHandler } from '@scrm/core';
import { assertEveryJobHasHandler } from '@scrm/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

export interface WorkerAppOptions {
  /** Tests only: handles inbox events instead of the global WECOM_EVENT_HANDLER. */
  eventHandler?: WeComEventHandler;
}

/** Builds the worker exactly as production runs it; tests call this too. */
export async function createWorkerApp(options: WorkerAppOptions = {}): Promise<INestApplicationContext> {
  const root = options.eventHandler ? WorkerModule.withEventHandler(options.eventHandler) : WorkerModule;
  const app = await NestFactory.createApplicationContext(root, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  assertEveryJobHasHandler(app);
  app.enableShutdownHooks();
  return app;
}
