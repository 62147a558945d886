import * as http from 'node:http';
import * as https from 'node:https';

// WeCom connections are reused (keep-alive), as a TLS handshake per call would cost more than the call.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

export interface JsonAnswer {
  status: number;
  /** The parsed body; undefined when it is not JSON. */
  data: unknown;
}

/**
 * One JSON call on bare node:http(s): the query in the URL, a JSON body for POST, the answer parsed. Used for every
 * call but media uploads (multipart, through axios): it runs twice per add, and axios' config merging, adapters and
 * redirect wrapper cost more CPU than the call itself. Rejects on network errors and after `timeoutMs`.
 */
export function sendJson(url: URL, method: 'GET' | 'POST', body: unknown, timeoutMs: number): Promise<JsonAnswer> {
  const transport = url.protocol === 'https:' ? https : http;
  const payload = method === 'POST' ? JSON.stringify(body ?? {}) : undefined;
  const headers: http.OutgoingHttpHeaders = { Accept: 'application/json' };
  if (payload !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  return new Promise((resolve, reject) => {
    const req = transport.request(url, { method, headers, agent: agents[url.protocol as 'http:' | 'https:'], timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, data: parseJson(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error(`timeout of ${timeoutMs}ms exceeded`), { code: 'ECONNABORTED' })));
    req.on('error', reject);
    req.end(payload);
  });
}

/** `base` + `api` + query (undefined values left out), as axios' baseURL and params would build it. */
export function callUrl(base: string, api: string, query: Record<string, string | number | undefined>): URL {
  const url = new URL(api, base);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
