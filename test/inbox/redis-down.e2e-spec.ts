import { INestApplication } from '@nestjs/common';
import { JobName, JobQueue, REDIS } from '@scrm/platform';
import type Redis from 'ioredis';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/bootstrap/create-api-app';
import { createTenant, TestTenant } from '../support/factories';
import { startSystem, TestSystem } from '../support/test-system';
import { inboxRows, signedCallback, unknownEventXml } from './support/inbox-helpers';

jest.setTimeout(60_000);

describe('intake with Redis unreachable', () => {
  let sys: TestSystem;
  let tenant: TestTenant;
  let cut: INestApplication;

  beforeAll(async () => {
    sys = await startSystem();
    tenant = await createTenant(sys);
    // A second api whose Redis (queue and cache) is a closed port: Postgres works, Redis does not.
    process.env.REDIS_PORT = '1';
    cut = await createApiApp();
    await cut.listen(0, '127.0.0.1');
    delete process.env.REDIS_PORT;
  });
  afterAll(async () => {
    // Its Redis clients never connected: stop their reconnect loops instead of waiting for a graceful quit.
    const queues = Object.values(JobName).map((name) => cut.get(JobQueue).queue(name));
    [cut.get<Redis>(REDIS), ...queues.flatMap((q) => q.clients)].forEach((client) => client.disconnect());
    await Promise.race([cut.close(), new Promise((r) => setTimeout(r, 2_000).unref())]);
    await sys.close();
  });

  it('still stores the event and answers 200 at once; the sweeper will queue it', async () => {
    const { port } = cut.getHttpServer().address() as AddressInfo;
    const { query, body } = signedCallback(tenant, unknownEventXml(tenant.corpId));
    const started = Date.now();
    const res = await request(`http://127.0.0.1:${port}`).post(`/wecom/callback/${tenant.id}`).query(query).set('Content-Type', 'text/xml').send(body);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    const rows = await inboxRows(sys, tenant.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('received');
  });
});
