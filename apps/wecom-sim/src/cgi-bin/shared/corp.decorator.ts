import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { SimRequest } from './sim-request';

/** The corp the access_token belongs to, resolved once by WecomCallInterceptor. */
export const Corp = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  return ctx.switchToHttp().getRequest<SimRequest>().simCorp;
});
