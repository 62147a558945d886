import type { IncomingMessage } from 'node:http';
import { CallbackRejection } from '@scrm/core';

/** WeCom's events are a few hundred bytes; anything this large is not WeCom. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

/** The raw body as text, refused (413) as soon as it passes the limit, without reading the rest. */
export function readBody(req: IncomingMessage, limit = MAX_CALLBACK_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    // A sender that gives up mid-body: settle, so nothing waits on a request that will never end.
    req.on('close', () => {
      if (!req.complete) reject(new CallbackRejection(400, 'bad_xml', 'callback body incomplete: the sender closed the connection'));
    });
  });
}

function tooLarge(limit: number): CallbackRejection {
  return new CallbackRejection(413, 'too_large', `callback body over ${limit} bytes`);
}
