import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export interface Spawned {
  pid: number | undefined;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  kill: (signal?: NodeJS.Signals) => void;
}

/** Runs one of our entry points as a real process (ts-node, as `npm start` does). */
export function spawnEntry(entry: string, env: Record<string, string>): Spawned {
  const child = spawn(
    process.execPath,
    [
      // CPU_PROF_DIR: benchmarks profile the processes they spawn (test/bench/support/cpu-profile.js).
      ...(process.env.CPU_PROF_DIR ? ['-r', join(root, 'test', 'bench', 'support', 'cpu-profile.js')] : []),
      '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, entry),
    ],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return {
    pid: child.pid,
    stdout: () => out,
    stderr: () => err,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    kill: (signal = 'SIGTERM') => child.kill(signal),
  };
}

export { waitFor } from './wait';
