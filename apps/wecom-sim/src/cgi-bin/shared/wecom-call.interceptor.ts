import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, map, Observable, of, tap, throwError } from 'rxjs';
import { apiName } from '../../faults/api-name';
import { FaultService } from '../../faults/fault.service';
import { CorpState } from '../../state/corp-state';
import { MinuteHourWindow } from '../../state/rate-window';
import { SimClock } from '../../state/sim-clock';
import { CorpStore } from '../../state/corp-store';
import { TokenService } from '../token/token.service';
import { wecomErrmsg } from './errcodes';
import { callerIp, SimRequest } from './sim-request';
import { WecomError } from './wecom-error';

type Answer = Record<string, unknown> & { errcode: number; errmsg: string };

/**
 * Everything every cgi-bin call goes through, so controllers stay thin: latency injection,
 * access_token → corp, injected errcodes, the per-corp per-API rate limit, the
 * `{ errcode, errmsg }` envelope, and the call log used by /sim/corps/:corpId/calls.
 */
@Injectable()
export class WecomCallInterceptor implements NestInterceptor {
  constructor(
    private readonly tokens: TokenService,
    private readonly faults: FaultService,
    private readonly store: CorpStore,
    private readonly clock: SimClock,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<SimRequest>();
    if (!req.path.startsWith('/cgi-bin/')) return next.handle();
    const api = apiName(req.path);
    const ip = callerIp(req);
    let corp: CorpState | undefined;
    try {
      corp = api === 'gettoken' ? this.store.find(String(req.query.corpid ?? '')) : this.tokens.resolve(tokenOf(req));
      const delay = this.faults.latencyFor(corp?.corpId, api);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const injected = this.faults.take(corp?.corpId, api);
      if (injected !== undefined) throw new WecomError(injected, 'injected by wecom-sim');
      if (corp && api !== 'gettoken') this.checkRate(corp, api);
      if (req.cgiBinBadJson) throw new WecomError(47001);
    } catch (e) {
      if (!(e instanceof WecomError)) throw e;
      return of(this.record(corp, api, this.errorAnswer(e, ip)));
    }
    req.simCorp = corp;
    return next.handle().pipe(
      map((result) => ({ errcode: 0, errmsg: 'ok', ...(result as object) }) as Answer),
      catchError((e) => (e instanceof WecomError ? of(this.errorAnswer(e, ip)) : throwError(() => e))),
      tap((answer) => this.record(corp, api, answer)),
    );
  }

  private checkRate(corp: CorpState, api: string): void {
    let window = corp.apiWindows.get(api);
    if (!window) corp.apiWindows.set(api, (window = new MinuteHourWindow()));
    if (!window.hit(this.clock.now(), corp.options.apiPerMinute, corp.options.apiPerHour)) throw new WecomError(45009);
  }

  private errorAnswer(e: WecomError, ip: string): Answer {
    const errmsg = wecomErrmsg(e.errcode, this.clock.nowSec(), ip, e.detail);
    return { errcode: e.errcode, errmsg, ...e.defaults };
  }

  private record(corp: CorpState | undefined, api: string, answer: Answer): Answer {
    corp?.calls.push({ api, at: this.clock.now(), errcode: answer.errcode });
    return answer;
  }
}

function tokenOf(req: SimRequest): string | undefined {
  const t = req.query.access_token;
  return typeof t === 'string' && t !== '' ? t : undefined;
}
