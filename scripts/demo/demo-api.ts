/** A small typed HTTP client for the demo scripts: the admin API, the simulator, and polling. */
export class DemoApi {
  token = '';

  constructor(
    readonly apiUrl: string,
    readonly simUrl: string,
    readonly corpId: string,
  ) {}

  async login(tenant: string, email: string, password: string): Promise<void> {
    const { accessToken } = await this.api<{ accessToken: string }>('POST', '/api/v1/auth/login', { tenant, email, password });
    this.token = accessToken;
  }

  api<T>(method: string, path: string, body?: unknown, token = this.token): Promise<T> {
    return call<T>(method, `${this.apiUrl}${path}`, body, token ? { authorization: `Bearer ${token}` } : {});
  }

  sim<T>(method: string, path: string, body?: unknown): Promise<T> {
    return call<T>(method, `${this.simUrl}/sim/corps/${this.corpId}${path}`, body);
  }
}

export async function call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Polls `probe` until it answers something truthy; fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
