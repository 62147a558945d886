import { Injectable, Logger } from '@nestjs/common';
import { CallbackIntake, CallbackRejection, RejectionCounter } from '@scrm/core';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { readBody } from './read-body';

/**
 * WeCom's callback routes as plain express handlers. createApiApp mounts them ahead of Nest's middleware, pipes
 * and interceptors (the request log included): this path runs at WeCom's rate and must answer fast.
 * Refusals are logged here with their reason, once, without the query (it carries the signature).
 */
@Injectable()
export class CallbackHttp {
  private readonly logger = new Logger('WeComCallback');

  constructor(
    private readonly intake: CallbackIntake,
    private readonly rejections: RejectionCounter,
  ) {}

  verify = async (req: Request, res: Response): Promise<void> => {
    const tenantId = String(req.params.tenantId);
    try {
      const plain = await this.intake.verify(tenantId, req.query);
      // Bare plaintext: no quotes, no newline, no BOM (§3).
      res.status(200).type('text/plain').send(plain);
    } catch (err) {
      this.fail(res, tenantId, err);
    }
  };

  receive = async (req: Request, res: Response): Promise<void> => {
    const tenantId = String(req.params.tenantId);
    try {
      const body = await readBody(req);
      await this.intake.receive(tenantId, req.query, body);
      res.status(200).end();
    } catch (err) {
      this.fail(res, tenantId, err);
    }
  };

  private fail(res: Response, tenantId: string, err: unknown): void {
    if (err instanceof CallbackRejection) {
      this.rejections.count(err.reason);
      this.logger.warn({ tenantId, status: err.status, reason: err.reason, detail: err.message }, 'callback refused');
      // Close after a 413: the rest of the body was never read.
      if (err.status === 413) res.set('Connection', 'close');
      res.status(err.status).json({ statusCode: err.status, error: STATUS_CODES[err.status], message: err.message });
      return;
    }
    // Storage down: not the sender's fault, and WeCom retries on anything but 200.
    this.logger.error({ tenantId, err }, 'callback could not be stored');
    res.status(503).json({ statusCode: 503, error: STATUS_CODES[503], message: 'callback could not be stored, retry' });
  }
}
