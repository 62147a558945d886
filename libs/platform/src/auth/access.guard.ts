import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { ACCESS_RULE, AccessRule } from './access.decorators';
import { PRINCIPAL_RESOLVER, PrincipalResolver } from './principal';

/**
 * Global guard. Fails closed: a route without an access rule is refused, so forgetting
 * @Roles can never expose a route.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    @Inject(PRINCIPAL_RESOLVER) private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) {
      this.logger.error(`Route ${ctx.getClass().name}.${ctx.getHandler().name} declares no access rule`);
      throw new ForbiddenException('This route declares no access rule');
    }
    if (rule.type === 'public') return true;

    const req = ctx.switchToHttp().getRequest();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new UnauthorizedException('Missing bearer token');

    if (rule.type === 'operator') {
      if (!sameSecret(token, this.config.operatorToken)) throw new UnauthorizedException('Invalid operator token');
      req.principal = { kind: 'operator' };
      return true;
    }

    const principal = await this.resolver.resolve(token);
    if (!principal) throw new UnauthorizedException('Invalid, expired or revoked token');
    req.principal = principal;
    if (!rule.roles.includes(principal.role)) {
      throw new ForbiddenException(`Role '${principal.role}' may not do this; allowed: ${rule.roles.join(', ')}`);
    }
    return true;
  }
}

function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
