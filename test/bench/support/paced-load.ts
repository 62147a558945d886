// Open-loop load at an even rate, for "latency at N requests/s" figures. autocannon (used for max-throughput runs)
// cannot measure these: its `overallRate` gives each connection a per-second quota that it spends back to back at the
// start of every second (a burst, not a rate), and its coordinated-omission correction back-fills with a 1 ms
// interval, so a 1,000/s run reported a p99 of ~300 ms even for the bare baseline. `loadtest` sends one request every
// 1000/rate ms whatever the answers do, opening connections as needed, and times each from its own send.
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';

export interface PacedRequest {
  path: string;
  body?: string;
}

export interface PacedLoadOptions {
  url: string;
  /** Requests per second, evenly spaced. */
  rate: number;
  seconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** The next request's path and body; called once per request. */
  next: () => PacedRequest;
}

export interface PacedLoadResult {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  total: number;
  /** Answers outside 2xx and connection errors, by code ('-1' = no answer). */
  errors: number;
  errorCodes: Record<string, number>;
}

type Request = (options: RequestOptions, callback: (res: IncomingMessage) => void) => ClientRequest;

interface LoadtestResult {
  effectiveRps: number;
  percentiles: Record<'50' | '99', number>;
  maxLatencyMs: number;
  totalRequests: number;
  totalErrors: number;
  errorCodes: Record<string, number>;
}

// loadtest ships as an ES module; this CommonJS build would compile import() into require(), which Node 20 refuses.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{
  loadTest: (options: Record<string, unknown>) => Promise<LoadtestResult>;
}>;

export async function pacedLoad(opts: PacedLoadOptions): Promise<PacedLoadResult> {
  const { loadTest } = await importEsm('loadtest');
  const result = await loadTest({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers ?? {},
    requestsPerSecond: opts.rate,
    maxSeconds: opts.seconds,
    agentKeepAlive: true,
    quiet: true,
    requestGenerator: (_options: unknown, params: RequestOptions, request: Request, callback: (res: IncomingMessage) => void) => {
      const { path, body } = opts.next();
      const headers = body === undefined ? params.headers : { ...params.headers, 'content-length': Buffer.byteLength(body) };
      const req = request({ ...params, path, headers }, callback);
      if (body !== undefined) req.write(body);
      return req;
    },
  });
  return {
    rps: result.effectiveRps,
    p50: result.percentiles['50'],
    p99: result.percentiles['99'],
    max: result.maxLatencyMs,
    total: result.totalRequests,
    errors: result.totalErrors,
    errorCodes: result.errorCodes,
  };
}
