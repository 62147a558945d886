import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { TenantPrincipal } from './principal';

/** The authenticated tenant principal set by AccessGuard. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): TenantPrincipal => ctx.switchToHttp().getRequest().principal,
);

/** Shorthand for the caller's tenant id: the first argument of every service call. */
export const TenantId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest().principal.tenantId,
);
