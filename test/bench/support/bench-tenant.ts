import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A tenant created through the operator API of a benchmark's api (WeCom unreachable: benchmarks that need it use the sim). */
export async function createBenchTenant(apiUrl: string, operatorToken: string, password: string): Promise<{ id: string; slug: string; email: string; callbackToken: string; encodingAesKey: string; corpId: string }> {
  const suffix = randomBytes(4).toString('hex');
  const body = {
    slug: `bench-${suffix}`,
    name: 'Bench',
    corpId: `wwbench${suffix}`,
    agentId: 1000002,
    corpSecret: 'bench-secret',
    callbackToken: randomBytes(8).toString('hex'),
    encodingAesKey: randomBytes(40).toString('base64').replace(/[^A-Za-z0-9]/g, '').padEnd(43, 'a').slice(0, 43),
    apiBaseUrl: 'http://127.0.0.1:9/cgi-bin/',
    admin: { email: `admin@${suffix}.bench`, password },
  };
  const res = await fetch(`${apiUrl}/api/v1/platform/tenants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${operatorToken}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`tenant create failed: ${res.status} ${await res.text()}`);
  const id = ((await res.json()) as { id: string }).id;
  return { id, slug: body.slug, email: body.admin.email, callbackToken: body.callbackToken, encodingAesKey: body.encodingAesKey, corpId: body.corpId };
}

/** utime + stime of a process from /proc, in µs (clock ticks are 1/100 s on Linux). */
export function cpuMicros(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}
