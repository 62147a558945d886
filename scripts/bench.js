#!/usr/bin/env node
// `npm run bench`: runs every test/bench/*.bench.ts in turn (each writes test/bench/results/<name>.json),
// then writes test/bench/RESULTS.md with every figure beside its baseline or target and the machine it ran on.
const { spawnSync } = require('node:child_process');
const { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const os = require('node:os');

const root = join(__dirname, '..');
const benchDir = join(root, 'test', 'bench');
const resultsDir = join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const only = process.argv[2];
const benches = readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)));

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file}`);
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(benchDir, file)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  });
  if (run.status !== 0) failed++;
}

const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
const lines = [
  '# Benchmark results',
  '',
  `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`,
  '',
  '| benchmark | metric | measured | baseline / target | verdict |',
  '|---|---|---|---|---|',
];
for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('.json')).sort()) {
  const result = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  for (const row of result.rows ?? []) {
    lines.push(`| ${result.name} | ${row.metric} | ${row.measured} | ${row.reference ?? ''} | ${row.verdict ?? ''} |`);
  }
}
writeFileSync(join(benchDir, 'RESULTS.md'), `${lines.join('\n')}\n`);
console.log(`\nwrote ${join('test', 'bench', 'RESULTS.md')}${failed ? ` (${failed} benchmark(s) failed)` : ''}`);
process.exit(failed ? 1 : 0);
