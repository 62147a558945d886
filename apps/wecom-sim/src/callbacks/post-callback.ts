import * as http from 'node:http';
import * as https from 'node:https';

// Connections to receivers are reused, as WeCom's are: a TCP handshake per event would be most of the cost of a
// delivery on both sides (the simulator shares its machine with the receiver in tests and benchmarks).
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/**
 * One delivery attempt: POST the body, read (and drop) the answer, resolve with the HTTP status. Plain node:http
 * instead of axios: this runs for every event the simulator sends. Rejects on a network error or when `signal` aborts.
 */
export function postCallback(url: string, body: string, signal: AbortSignal): Promise<number> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: 'POST',
        agent: target.protocol === 'https:' ? agents.https : agents.http,
        headers: { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(body) },
        signal,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
