import type { NextFunction, Response } from 'express';
import { SimRequest } from './sim-request';

/**
 * WeCom reads POST bodies as JSON whatever the Content-Type, and answers a bad body with errcode 47001
 * (HTTP 200) rather than a 400 — so cgi-bin bodies are read here instead of by express.json.
 */
export function cgiBinBodyReader(req: SimRequest, _res: Response, next: NextFunction): void {
  if (req.method !== 'POST' || req.is('multipart/form-data')) return next();
  readCgiBinBody(req).then((read) => {
    req.body = read.body;
    if (read.bad) req.cgiBinBadJson = true;
    // Tells express.json the body is already read.
    (req as unknown as { _body: boolean })._body = true;
    next();
  }, next);
}

/** A cgi-bin POST body as WeCom reads it: JSON (a BOM allowed, empty = {}); anything else is `bad` (47001). */
export function readCgiBinBody(req: NodeJS.ReadableStream): Promise<{ body: Record<string, unknown>; bad: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
      try {
        const body = text.trim() === '' ? {} : JSON.parse(text);
        if (!body || typeof body !== 'object') throw new Error('not an object');
        resolve({ body, bad: false });
      } catch {
        resolve({ body: {}, bad: true });
      }
    });
  });
}
