import { AddressInfo, createServer } from 'node:net';
import { Client } from 'pg';

/** Benchmarks start from an empty database of their own. */
export async function dropDatabase(name: string): Promise<void> {
  const c = new Client({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
}

/** A port nobody listens on right now, for a process the benchmark spawns. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
