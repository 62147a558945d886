import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, map, Observable, of, throwError } from 'rxjs';
import { apiName } from '../../faults/api-name';
import { callerIp, SimRequest } from './sim-request';
import { WecomCalls } from './wecom-calls';
import { WecomError } from './wecom-error';

/** Every cgi-bin call Nest serves goes through WecomCalls, so controllers stay thin. */
@Injectable()
export class WecomCallInterceptor implements NestInterceptor {
  constructor(private readonly calls: WecomCalls) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<SimRequest>();
    if (!req.path.startsWith('/cgi-bin/')) return next.handle();
    const api = apiName(req.path);
    const ip = callerIp(req);
    const { corp, refused } = await this.calls.admit({ api, query: req.query, ip, badJson: req.cgiBinBadJson });
    if (refused) return of(refused);
    req.simCorp = corp;
    return next.handle().pipe(
      map((result) => this.calls.succeeded(corp, api, result)),
      catchError((e) => (e instanceof WecomError ? of(this.calls.failed(corp, api, e, ip)) : throwError(() => e))),
    );
  }
}
