import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { invalidFields } from './validation.pipe';

/**
 * Postgres text and jsonb cannot hold U+0000, so a NUL anywhere in a request used to fail deep inside a query as a
 * 500. Requests carrying one are refused up front with a 400 naming the field. JSON.parse refuses a raw NUL byte,
 * so only the escape `\u0000` can bring one in: bodies without it in their raw text are not walked at all.
 */
const ESCAPED_NUL = Buffer.from('\\u0000');
const HAS_NUL = Symbol('body has an escaped NUL');

type Flagged = IncomingMessage & { [HAS_NUL]?: boolean };

/** body-parser's `verify` hook: notes, from the raw bytes, whether the parsed body needs walking. */
export function noteEscapedNul(req: IncomingMessage, _res: unknown, raw: Buffer): void {
  if (raw.includes(ESCAPED_NUL)) (req as Flagged)[HAS_NUL] = true;
}

/** Middleware after the JSON parser: 400 for a NUL in the URL or in any key or string of the body. */
export function rejectNulCharacters(req: Request, res: Response, next: NextFunction): void {
  // %00 decodes to NUL in path parameters and query values alike; no route has a use for it.
  const field = /%00/.test(req.originalUrl) ? 'url' : (req as Flagged)[HAS_NUL] ? nulFieldPath(req.body) : null;
  if (!field) return next();
  const body = invalidFields([{ field, errors: ['must not contain the NUL character (\\u0000)'] }]).getResponse();
  res.status(400).json({ statusCode: 400, error: 'Bad Request', ...(body as object) });
}

/** Dotted path of the first key or string holding a NUL (`events.3.properties.note`), or null. */
export function nulFieldPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return childPath;
    const found = nulFieldPath(child, childPath);
    if (found) return found;
  }
  return null;
}
