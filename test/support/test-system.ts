import 'reflect-metadata';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/bootstrap/create-api-app';
import { createWorkerApp, WorkerAppOptions } from '../../apps/worker/src/create-worker-app';
import { createSimApp } from '../../apps/wecom-sim/src';
import { applyTestEnv } from './test-env';

export interface TestSystem {
  api: INestApplication;
  apiUrl: string;
  sim?: INestApplication;
  simUrl?: string;
  worker?: INestApplicationContext;
  http: () => ReturnType<typeof request>;
  close(): Promise<void>;
}

/** Boots the real api (and, on request, the worker and the simulator) on ephemeral ports. */
export async function startSystem(parts: { worker?: boolean; sim?: boolean } & WorkerAppOptions = {}): Promise<TestSystem> {
  applyTestEnv();
  const sim = parts.sim ? await createSimApp({ logger: false }) : undefined;
  if (sim) await sim.listen(0, '127.0.0.1');
  const api = await createApiApp();
  await api.listen(0, '127.0.0.1');
  const worker = parts.worker ? await createWorkerApp({ eventHandler: parts.eventHandler }) : undefined;
  const apiUrl = urlOf(api);
  return {
    api,
    apiUrl,
    sim,
    simUrl: sim ? urlOf(sim) : undefined,
    worker,
    http: () => request(apiUrl),
    async close() {
      await worker?.close();
      await api.close();
      await sim?.close();
    },
  };
}

function urlOf(app: INestApplication): string {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
