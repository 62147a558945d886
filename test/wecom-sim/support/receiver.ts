import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: URL;
  body: string;
  at: number;
}

export interface Reply {
  status?: number;
  body?: string;
  delayMs?: number;
}

/** A plain node:http callback receiver; `reply` decides each answer from the request number (0-based). */
export class Receiver {
  readonly requests: Received[] = [];
  reply: (req: Received, n: number) => Reply | Promise<Reply> = () => ({ status: 200, body: '' });
  private server!: Server;
  private readonly timers = new Set<NodeJS.Timeout>();

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const received: Received = { method: req.method ?? '', url: new URL(req.url ?? '/', 'http://x'), body: await readBody(req), at: Date.now() };
      const n = this.requests.push(received) - 1;
      const r = await this.reply(received, n);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(r.status ?? 200, { 'Content-Type': 'text/plain' });
        res.end(r.body ?? '');
      };
      if (r.delayMs) {
        const t = setTimeout(() => {
          this.timers.delete(t);
          send();
        }, r.delayMs);
        this.timers.add(t);
      } else send();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Polls until the check passes (or fails after timeoutMs). */
export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > until) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
