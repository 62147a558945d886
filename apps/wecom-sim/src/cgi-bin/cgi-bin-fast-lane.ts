import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CorpState } from '../state/corp-state';
import { CustomerService } from './customer/customer.service';
import { readCgiBinBody } from './shared/cgi-bin-body-reader';
import { errorAnswerOf } from './shared/cgi-bin-exception.filter';
import { WecomCalls } from './shared/wecom-calls';
import { WecomError } from './shared/wecom-error';
import { WelcomeService } from './welcome/welcome.service';

type Handler = (corp: CorpState, query: Record<string, string>, body: Record<string, unknown>) => unknown;

/**
 * The cgi-bin calls made for every add (externalcontact/get, send_welcome_msg), served ahead of express and Nest:
 * the simulator shares the machine with the system it measures, and router, interceptor and response plumbing cost
 * more than the calls themselves. Same services, same WecomCalls rules, same answers as the Nest controllers.
 */
@Injectable()
export class CgiBinFastLane {
  private readonly routes: Record<string, { method: 'GET' | 'POST'; handle: Handler }>;

  constructor(
    private readonly calls: WecomCalls,
    customers: CustomerService,
    welcome: WelcomeService,
  ) {
    this.routes = {
      'externalcontact/get': { method: 'GET', handle: (corp, q) => customers.get(corp, q.external_userid, q.cursor) },
      'externalcontact/send_welcome_msg': { method: 'POST', handle: (corp, _q, body) => welcome.send(corp, body) },
    };
  }

  /** Serves the request if it is one of the fast routes; false leaves it to express. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '';
    if (!url.startsWith('/cgi-bin/')) return false;
    const q = url.indexOf('?');
    const api = url.slice('/cgi-bin/'.length, q < 0 ? undefined : q);
    const route = this.routes[api];
    if (!route || req.method !== route.method || (route.method === 'POST' && /multipart\/form-data/i.test(req.headers['content-type'] ?? ''))) return false;
    const query = Object.fromEntries(new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
    const ip = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    void this.answer(req, res, api, route.handle, query, ip);
    return true;
  }

  private async answer(req: IncomingMessage, res: ServerResponse, api: string, handle: Handler, query: Record<string, string>, ip: string): Promise<void> {
    let answer: unknown;
    try {
      const read = req.method === 'POST' ? await readCgiBinBody(req) : { body: {}, bad: false };
      const { corp, refused } = await this.calls.admit({ api, query, ip, badJson: read.bad });
      if (refused) answer = refused;
      else {
        try {
          answer = this.calls.succeeded(corp, api, handle(corp!, query, read.body));
        } catch (e) {
          if (!(e instanceof WecomError)) throw e;
          answer = this.calls.failed(corp, api, e, ip);
        }
      }
    } catch {
      answer = errorAnswerOf(-1, ip); // as CgiBinExceptionFilter: WeCom never answers 5xx
    }
    const body = JSON.stringify(answer);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }).end(body);
  }
}
