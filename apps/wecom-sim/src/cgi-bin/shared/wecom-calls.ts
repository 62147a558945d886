import { Injectable } from '@nestjs/common';
import { FaultService } from '../../faults/fault.service';
import { CorpState } from '../../state/corp-state';
import { CorpStore } from '../../state/corp-store';
import { MinuteHourWindow } from '../../state/rate-window';
import { SimClock } from '../../state/sim-clock';
import { TokenService } from '../token/token.service';
import { wecomErrmsg } from './errcodes';
import { WecomError } from './wecom-error';

export type Answer = Record<string, unknown> & { errcode: number; errmsg: string };

/** What admitting a call needs from its request. */
export interface CallRequest {
  api: string;
  query: Record<string, unknown>;
  ip: string;
  badJson?: boolean;
}

/**
 * Everything every cgi-bin call goes through, wherever it is served (WecomCallInterceptor under Nest, CgiBinFastLane
 * ahead of express): latency injection, access_token → corp, injected errcodes, the per-corp per-API rate limit, the
 * `{ errcode, errmsg }` envelope, and the call log used by /sim/corps/:corpId/calls.
 */
@Injectable()
export class WecomCalls {
  constructor(
    private readonly tokens: TokenService,
    private readonly faults: FaultService,
    private readonly store: CorpStore,
    private readonly clock: SimClock,
  ) {}

  /** The caller's corp when the call may go on to its handler, else the error answer (already logged). */
  async admit(call: CallRequest): Promise<{ corp?: CorpState; refused?: Answer }> {
    const { api } = call;
    let corp: CorpState | undefined;
    try {
      corp = api === 'gettoken' ? this.store.find(String(call.query.corpid ?? '')) : this.tokens.resolve(tokenOf(call.query));
      const delay = this.faults.latencyFor(corp?.corpId, api);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const injected = this.faults.take(corp?.corpId, api);
      if (injected !== undefined) throw new WecomError(injected, 'injected by wecom-sim');
      if (corp && api !== 'gettoken') this.checkRate(corp, api);
      if (call.badJson) throw new WecomError(47001);
      return { corp };
    } catch (e) {
      if (!(e instanceof WecomError)) throw e;
      return { corp, refused: this.failed(corp, api, e, call.ip) };
    }
  }

  /** A handler's result in WeCom's envelope, logged. */
  succeeded(corp: CorpState | undefined, api: string, result: unknown): Answer {
    return this.record(corp, api, { errcode: 0, errmsg: 'ok', ...(result as object) });
  }

  /** A handler's WecomError as WeCom answers it, logged. */
  failed(corp: CorpState | undefined, api: string, e: WecomError, ip: string): Answer {
    const errmsg = wecomErrmsg(e.errcode, this.clock.nowSec(), ip, e.detail);
    return this.record(corp, api, { errcode: e.errcode, errmsg, ...e.defaults });
  }

  private checkRate(corp: CorpState, api: string): void {
    let window = corp.apiWindows.get(api);
    if (!window) corp.apiWindows.set(api, (window = new MinuteHourWindow()));
    if (!window.hit(this.clock.now(), corp.options.apiPerMinute, corp.options.apiPerHour)) throw new WecomError(45009);
  }

  private record(corp: CorpState | undefined, api: string, answer: Answer): Answer {
    corp?.calls.push({ api, at: this.clock.now(), errcode: answer.errcode });
    return answer;
  }
}

function tokenOf(query: Record<string, unknown>): string | undefined {
  const t = query.access_token;
  return typeof t === 'string' && t !== '' ? t : undefined;
}
