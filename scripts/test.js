#!/usr/bin/env node
// `npm test`: typecheck, then every jest tier (unit + e2e) in one run, ending with the plain
// line `Tests: N passed, N failed` that CI reads.
const { spawnSync } = require('node:child_process');
const { readFileSync, mkdtempSync } = require('node:fs');
const { join } = require('node:path');
const os = require('node:os');

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

let failedChecks = 0;
if (!extra.length) {
  const tsc = spawnSync(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) {
    console.error('typecheck failed');
    failedChecks = 1;
  }
}

const out = join(mkdtempSync(join(os.tmpdir(), 'scrm-jest-')), 'results.json');
const jest = spawnSync(bin('jest'), ['--runInBand', '--json', `--outputFile=${out}`, ...extra], { cwd: root, stdio: 'inherit' });

let passed = 0;
let failed = failedChecks;
try {
  const results = JSON.parse(readFileSync(out, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
} catch {
  failed += 1;
}
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
