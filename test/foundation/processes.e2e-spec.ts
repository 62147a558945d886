import axios from 'axios';
import { Client } from 'pg';
import { OPERATOR } from '../support/factories';
import { spawnEntry, waitFor } from '../support/spawn-process';

jest.setTimeout(90_000);

const pg = () => new Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });

describe('processes: config, migrations and logs', () => {
  it('refuses to start on a bad env value, naming the variable', async () => {
    const api = spawnEntry('apps/api/src/main.ts', { PORT: 'not-a-port', REDIS_PREFIX: 'Bad Prefix!' });
    expect(await api.exited).toBe(1);
    expect(api.stderr()).toContain('PORT');
    expect(api.stderr()).toContain('REDIS_PREFIX');
  });

  it('refuses to start in production without the secrets key', async () => {
    const worker = spawnEntry('apps/worker/src/main.ts', { NODE_ENV: 'production', SECRETS_KEY: '', PLATFORM_OPERATOR_TOKEN: 'x'.repeat(30) });
    expect(await worker.exited).toBe(1);
    expect(worker.stderr()).toContain('SECRETS_KEY');
  });

  it('applies migrations once when two processes start at once on a missing database', async () => {
    const db = `scrm_test_mig_${process.pid}`;
    const admin = pg();
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    try {
      const runs = [1, 2].map(() => spawnEntry('libs/platform/src/database/migrate.ts', { DB_NAME: db }));
      expect(await Promise.all(runs.map((r) => r.exited))).toEqual([0, 0]);
      const applied = runs.flatMap((r) => r.stdout().split('\n').filter((l) => l.startsWith('applied migration')));
      const check = new Client({ host: '127.0.0.1', user: 'postgres', database: db });
      await check.connect();
      const rows = (await check.query('SELECT name, count(*)::int AS n FROM migrations GROUP BY name')).rows;
      await check.end();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      expect(applied).toHaveLength(rows.length);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('never writes a corp secret or AES key to a log line or an API response', async () => {
    const port = String(20000 + (process.pid % 20000));
    const api = spawnEntry('apps/api/src/main.ts', { PORT: port, LOG_LEVEL: 'trace' });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitFor(() => axios.get(`${base}/health`).then((r) => r.status === 200, () => false), 60_000, 'api health');
      const secret = `corp-secret-${Date.now()}-do-not-leak`;
      const aesKey = `K${Date.now()}`.padEnd(43, 'q');
      const body = {
        slug: `leak-${Date.now()}`,
        name: 'Leak check',
        corpId: `wwleak${Date.now()}`,
        agentId: 7,
        corpSecret: secret,
        callbackToken: 'tok123',
        encodingAesKey: aesKey,
        apiBaseUrl: 'http://127.0.0.1:9/cgi-bin/',
        admin: { email: 'a@leak.test', password: 'correct horse battery' },
      };
      const created = await axios.post(`${base}/api/v1/platform/tenants`, body, { headers: OPERATOR });
      // A rejected request that carries the secret must not echo it either.
      const rejected = await axios.post(`${base}/api/v1/platform/tenants`, { ...body, agentId: 'x' }, { headers: OPERATOR, validateStatus: () => true });
      const listed = await axios.get(`${base}/api/v1/platform/tenants`, { headers: OPERATOR });
      expect(rejected.status).toBe(400);
      const responses = JSON.stringify([created.data, rejected.data, listed.data]);
      expect(responses).toContain(body.corpId);
      expect(responses).not.toContain(secret);
      expect(responses).not.toContain(aesKey);
      await waitFor(() => api.stdout().includes('/api/v1/platform/tenants'), 5_000, 'request logs');
      expect(api.stdout()).not.toContain(secret);
      expect(api.stdout()).not.toContain(aesKey);
      expect(api.stdout()).not.toContain('test-operator-token');

      const stored = new Client({ host: '127.0.0.1', user: 'postgres', database: process.env.DB_NAME });
      await stored.connect();
      const row = (await stored.query('SELECT * FROM tenants WHERE corp_id = $1', [body.corpId])).rows[0];
      await stored.end();
      expect(row.corp_secret_enc).toMatch(/^v1\./);
      expect(JSON.stringify(row)).not.toContain(secret);
      expect(JSON.stringify(row)).not.toContain(aesKey);
    } finally {
      api.kill();
      await api.exited;
    }
  });
  it('logs hot profile reads only when they fail, with request id, tenant id and status, and never the token', async () => {
    const port = String(20000 + ((process.pid + 1) % 20000));
    const api = spawnEntry('apps/api/src/main.ts', { PORT: port, LOG_LEVEL: 'info' });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitFor(() => axios.get(`${base}/health`).then((r) => r.status === 200, () => false), 60_000, 'api health');
      const slug = `quiet-${Date.now()}`;
      const created = await axios.post(
        `${base}/api/v1/platform/tenants`,
        { slug, name: 'Quiet reads', corpId: `wwquiet${Date.now()}`, agentId: 7, corpSecret: 's', callbackToken: 'tok123', encodingAesKey: 'q'.repeat(43),
          apiBaseUrl: 'http://127.0.0.1:9/cgi-bin/', admin: { email: 'a@quiet.test', password: 'correct horse battery' } },
        { headers: OPERATOR },
      );
      const tenantId = created.data.id as string;
      const login = await axios.post(`${base}/api/v1/auth/login`, { tenant: slug, email: 'a@quiet.test', password: 'correct horse battery' });
      const token = login.data.accessToken as string;
      const stored = new Client({ host: '127.0.0.1', user: 'postgres', database: process.env.DB_NAME });
      await stored.connect();
      await stored.query(`INSERT INTO customers (tenant_id, external_user_id, first_seen_at, last_seen_at) VALUES ($1, 'wmquietok', now(), now())`, [tenantId]);
      await stored.end();
      const read = (ref: string, requestId: string) =>
        axios.get(`${base}/api/v1/customers/${ref}/profile`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId }, validateStatus: () => true });
      expect((await read('wmquietok', 'quiet-ok-1')).status).toBe(200);
      expect((await read('wmquietok', 'quiet-ok-2')).status).toBe(200);
      expect((await read('wmquietmissing', 'quiet-missing')).status).toBe(404);
      await waitFor(() => api.stdout().includes('quiet-missing'), 5_000, 'the failed read logged');
      const lines = api.stdout().split('\n').filter((l) => l.includes('"quiet-'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toMatchObject({
        tenantId,
        req: { id: 'quiet-missing', method: 'GET', path: '/api/v1/customers/wmquietmissing/profile' },
        res: { statusCode: 404 },
        msg: 'request completed',
      });
      expect(api.stdout()).not.toContain(token);
      // Other routes keep pino-http's line for every request.
      expect(api.stdout()).toContain('/api/v1/auth/login');
    } finally {
      api.kill();
      await api.exited;
    }
  });
});
