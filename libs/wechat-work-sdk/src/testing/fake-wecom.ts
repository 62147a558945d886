import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeCall {
  api: string;
  method: string;
  query: Record<string, string>;
  /** Parsed JSON, or the raw text for other content types (multipart). */
  body: unknown;
  contentType?: string;
  at: number;
}

export type FakeHandler = (call: FakeCall) => unknown | Promise<unknown>;

/**
 * A tiny stand-in for WeCom (node:http) for the SDK's unit tests: gettoken, token checks,
 * per-API handlers and queued one-off answers. The real simulator lives in apps/wecom-sim.
 */
export class FakeWeCom {
  readonly calls: FakeCall[] = [];
  corpId = 'wwfake';
  corpSecret = 'fake-secret-value';
  /** Delay before answering gettoken, to let concurrent callers pile up. */
  tokenDelayMs = 0;
  private readonly handlers = new Map<string, FakeHandler>();
  private readonly queued = new Map<string, unknown[]>();
  private readonly validTokens = new Set<string>();
  private issued = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeWeCom> {
    const server = createServer();
    const fake = new FakeWeCom(server);
    server.on('request', (req, res) => {
      fake.handle(req).then(
        (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
        (e) => res.writeHead(500).end(String(e)),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/cgi-bin/`;
  }

  /** Answers every call of `api` with `handler` (after the token check). */
  on(api: string, handler: FakeHandler): this {
    this.handlers.set(api, handler);
    return this;
  }

  /** The next calls of `api` get these answers, in order (before the token check). */
  queue(api: string, ...answers: unknown[]): this {
    this.queued.set(api, [...(this.queued.get(api) ?? []), ...answers]);
    return this;
  }

  /** Like WeCom invalidating tokens early. */
  expireAllTokens(): void {
    this.validTokens.clear();
  }

  callsOf(api: string): FakeCall[] {
    return this.calls.filter((c) => c.api === api);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<unknown> {
    const url = new URL(req.url ?? '/', 'http://x');
    const api = url.pathname.replace(/^\/cgi-bin\//, '');
    const raw = await readBody(req);
    const contentType = req.headers['content-type'];
    const body = contentType?.includes('json') && raw ? JSON.parse(raw) : raw || undefined;
    const call: FakeCall = { api, method: req.method ?? 'GET', query: Object.fromEntries(url.searchParams), body, contentType, at: Date.now() };
    this.calls.push(call);

    const next = this.queued.get(api);
    if (next?.length) return next.shift();
    if (api === 'gettoken') return this.getToken(call);
    if (!call.query.access_token) return { errcode: 41001, errmsg: 'access_token missing' };
    if (!this.validTokens.has(call.query.access_token)) return { errcode: 40014, errmsg: 'invalid access_token, hint: [1690000000_1_abc]' };
    const handler = this.handlers.get(api);
    return handler ? { errcode: 0, errmsg: 'ok', ...((await handler(call)) as object) } : { errcode: 0, errmsg: 'ok' };
  }

  private async getToken(call: FakeCall): Promise<unknown> {
    if (this.tokenDelayMs) await new Promise((r) => setTimeout(r, this.tokenDelayMs));
    if (call.query.corpid !== this.corpId) return { errcode: 40013, errmsg: 'invalid corpid' };
    if (call.query.corpsecret !== this.corpSecret) return { errcode: 40001, errmsg: 'invalid credential, from ip: 1.2.3.4' };
    const token = `fake-token-${++this.issued}`;
    this.validTokens.add(token);
    return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
