import type { NextFunction, Response } from 'express';
import { SimRequest } from './sim-request';

/**
 * WeCom reads POST bodies as JSON whatever the Content-Type, and answers a bad body with errcode 47001
 * (HTTP 200) rather than a 400 — so cgi-bin bodies are read here instead of by express.json.
 */
export function cgiBinBodyReader(req: SimRequest, _res: Response, next: NextFunction): void {
  if (req.method !== 'POST' || req.is('multipart/form-data')) return next();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('error', next);
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
    try {
      req.body = text.trim() === '' ? {} : JSON.parse(text);
      if (!req.body || typeof req.body !== 'object') throw new Error('not an object');
    } catch {
      req.body = {};
      req.cgiBinBadJson = true;
    }
    // Tells express.json the body is already read.
    (req as unknown as { _body: boolean })._body = true;
    next();
  });
}
