// `npm run bench -- tags`: the corp tag projection and bulk local tagging, in process against Postgres.
// Seeds BENCH_TAG_CUSTOMERS customers (1.5 relationships each, 3 corp tags per first relationship) with set-based SQL,
// then measures: a whole-tenant projection rebuild (what follows a full sync; with every customer off, then none), one customer's projection (what
// every customer.tagged event costs; BENCH_TAG_SAMPLES of them), and bulk tagging of local tags in job batches.
// Writes test/bench/results/tags.json.
import 'reflect-metadata';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CorpTagProjection } from '../../libs/core/src/tag/corp-tag-projection';
import { CustomerTagWriter } from '../../libs/core/src/tag/customer-tag.writer';
import { TAG_JOB_BATCH } from '../../libs/core/src/tag/tag-job.runner';
import { dataSourceOptions } from '../../libs/platform/src';
import { freshBenchStore } from './support/bench-setup';

const CUSTOMERS = Number(process.env.BENCH_TAG_CUSTOMERS ?? 200_000);
const SAMPLES = Number(process.env.BENCH_TAG_SAMPLES ?? 200);
const TENANT = '22222222-2222-4222-8222-222222222222';
const GROUP = 'aaaaaaaa-0000-4000-8000-000000000001';

async function main(): Promise<void> {
  const config = await freshBenchStore({ DB_NAME: process.env.BENCH_DB_NAME ?? 'scrm_bench_tags', REDIS_PREFIX: 'scrm-bench-tags', LOG_LEVEL: 'silent' });
  const db = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    const seedMs = await timed(() => seed(db));
    const writer = new CustomerTagWriter(db, new EventEmitter2());
    const projection = new CorpTagProjection(db, writer);
    const rebuildMs = await timed(() => projection.rebuild(TENANT));
    const recheckMs = await timed(() => projection.rebuild(TENANT));
    const projected = (await db.query(`SELECT count(*)::int AS n FROM customer_tags WHERE tenant_id = $1`, [TENANT]))[0].n;

    const one: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const ext = `wm${1 + Math.floor(Math.random() * CUSTOMERS)}`;
      one.push(await timed(() => db.transaction((m) => writer.projectCorpTags(TENANT, [ext], m, false))));
    }
    one.sort((a, b) => a - b);

    const [{ id: localTag }] = await db.query(`INSERT INTO tags (tenant_id, group_id, name, kind) VALUES ($1, $2, 'local', 'manual') RETURNING id`, [TENANT, GROUP]);
    const ids: string[] = (await db.query(`SELECT id FROM customers WHERE tenant_id = $1 ORDER BY id`, [TENANT])).map((r: { id: string }) => r.id);
    const bulkMs = await timed(async () => {
      for (let i = 0; i < ids.length; i += TAG_JOB_BATCH) {
        await writer.set(TENANT, ids.slice(i, i + TAG_JOB_BATCH).map((customerId) => ({ customerId, tagId: localTag, source: 'bulk' })));
      }
    });

    const rows = [
      { metric: `seed (${CUSTOMERS} customers, ${projected} corp tag rows)`, measured: `${(seedMs / 1000).toFixed(1)} s` },
      { metric: 'whole-tenant corp projection rebuild, every customer off', measured: `${(rebuildMs / 1000).toFixed(1)} s`, reference: 'first sync after the upgrade' },
      { metric: 'whole-tenant corp projection rebuild, nothing off', measured: `${(recheckMs / 1000).toFixed(1)} s`, reference: 'after each full sync, in a job' },
      { metric: `one customer's projection p50 / p99 (${SAMPLES})`, measured: `${pct(one, 0.5).toFixed(1)} / ${pct(one, 0.99).toFixed(1)} ms`, reference: 'per customer.tagged' },
      { metric: `bulk local tagging, batches of ${TAG_JOB_BATCH}`, measured: `${Math.round(ids.length / (bulkMs / 1000))} customers/s` },
    ];
    for (const r of rows) console.log(`${r.metric}: ${r.measured}`);
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'tags.json'), JSON.stringify({ name: 'tags', customers: CUSTOMERS, rows }, null, 2));
  } finally {
    await db.destroy();
  }
}

/** One tenant: 20 corp tags; every customer has a relationship with 3 tags, every second one a second relationship (a third of those deleted). */
async function seed(db: DataSource): Promise<void> {
  await db.query(`INSERT INTO tag_groups (tenant_id, id, name, kind, corp_group_id) VALUES ($1, $2, 'Level', 'corp', 'g1')`, [TENANT, GROUP]);
  await db.query(`INSERT INTO tags (tenant_id, group_id, name, kind, corp_tag_id, source) SELECT $1, $2, 'tag' || i, 'corp', 'ct' || i, 'wecom' FROM generate_series(1, 20) i`, [TENANT, GROUP]);
  await db.query(`INSERT INTO customers (tenant_id, external_user_id, first_seen_at, last_seen_at) SELECT $1, 'wm' || i, now(), now() FROM generate_series(1, $2::int) i`, [TENANT, CUSTOMERS]);
  await db.query(
    `INSERT INTO relationships (tenant_id, user_id, external_user_id, status, status_at) SELECT $1, 'u' || (i % 20), 'wm' || i, 'active', now() FROM generate_series(1, $2::int) i`,
    [TENANT, CUSTOMERS],
  );
  await db.query(
    `INSERT INTO relationships (tenant_id, user_id, external_user_id, status, status_at)
     SELECT $1, 'u' || ((i + 7) % 20), 'wm' || i, CASE WHEN i % 3 = 0 THEN 'deleted' ELSE 'active' END, now() FROM generate_series(1, $2::int / 2) i`,
    [TENANT, CUSTOMERS],
  );
  await db.query(
    `INSERT INTO relationship_tags (tenant_id, user_id, external_user_id, tag_id, source)
     SELECT $1, 'u' || (i % 20), 'wm' || i, 'ct' || (1 + (i * j) % 20), 'wecom' FROM generate_series(1, $2::int) i, generate_series(1, 3) j
     ON CONFLICT DO NOTHING`,
    [TENANT, CUSTOMERS],
  );
  await db.query(`ANALYZE`);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
