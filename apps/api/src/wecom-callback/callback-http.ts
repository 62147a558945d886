import { Injectable, Logger } from '@nestjs/common';
import { CallbackIntake, CallbackRejection, RejectionCounter } from '@scrm/core';
import { IncomingMessage, ServerResponse, STATUS_CODES } from 'node:http';
import { readBody } from './read-body';

export const CALLBACK_PATH = /^\/wecom\/callback\/([^/?]+)\/?(?:\?(.*))?$/;

/**
 * WeCom's callback routes on bare node:http objects. mountCallbackRoutes serves them ahead of express and Nest
 * (no router, body parser, request log, guard, pipe or interceptor): this path runs at WeCom's rate and must
 * answer fast. Refusals are logged here with their reason, once, without the query (it carries the signature).
 */
@Injectable()
export class CallbackHttp {
  private readonly logger = new Logger('WeComCallback');

  constructor(
    private readonly intake: CallbackIntake,
    private readonly rejections: RejectionCounter,
  ) {}

  /** Handles the request if it is a callback route (GET or POST); false leaves it to the rest of the app. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'POST') return false;
    const match = CALLBACK_PATH.exec(req.url ?? '');
    if (!match) return false;
    const tenantId = match[1]; // a tenant id is a uuid: nothing to decode (and a bad %-escape must not throw)
    // URLSearchParams URL-decodes, as WeCom's signature check requires.
    const query = Object.fromEntries(new URLSearchParams(match[2] ?? ''));
    void (req.method === 'GET' ? this.verify(tenantId, query, res) : this.receive(tenantId, query, req, res));
    return true;
  }

  async verify(tenantId: string, query: Record<string, unknown>, res: ServerResponse): Promise<void> {
    try {
      const plain = await this.intake.verify(tenantId, query);
      // Bare plaintext: no quotes, no newline, no BOM (§3).
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(plain) }).end(plain);
    } catch (err) {
      this.fail(res, tenantId, err);
    }
  }

  async receive(tenantId: string, query: Record<string, unknown>, req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readBody(req);
      await this.intake.receive(tenantId, query, body);
      res.writeHead(200, { 'Content-Length': 0 }).end();
    } catch (err) {
      this.fail(res, tenantId, err);
    }
  }

  private fail(res: ServerResponse, tenantId: string, err: unknown): void {
    if (err instanceof CallbackRejection) {
      this.rejections.count(err.reason);
      this.logger.warn({ tenantId, status: err.status, reason: err.reason, detail: err.message }, 'callback refused');
      // Close after a 413: the rest of the body was never read.
      send(res, err.status, err.message, err.status === 413);
      return;
    }
    // Storage down: not the sender's fault, and WeCom retries on anything but 200.
    this.logger.error({ tenantId, err }, 'callback could not be stored');
    send(res, 503, 'callback could not be stored, retry', false);
  }
}

/** The error body every route of the api uses: { statusCode, error, message }. */
function send(res: ServerResponse, status: number, message: string, close: boolean): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ statusCode: status, error: STATUS_CODES[status], message });
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) };
  if (close) headers.Connection = 'close';
  res.writeHead(status, headers).end(body);
}
