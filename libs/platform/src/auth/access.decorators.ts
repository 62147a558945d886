import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { TenantRole } from './principal';

export const ACCESS_RULE = 'scrm:access-rule';
export type AccessRule = { type: 'public' } | { type: 'operator' } | { type: 'roles'; roles: TenantRole[] };

/** The roles allowed on a route. Every route must carry one of @Roles, @Public or @OperatorOnly. */
export const Roles = (...roles: TenantRole[]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { type: 'roles', roles } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, unknown, expired or revoked token' }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}` }),
  );

export const Public = () => SetMetadata(ACCESS_RULE, { type: 'public' } satisfies AccessRule);

export const OperatorOnly = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { type: 'operator' } satisfies AccessRule), ApiBearerAuth('operator'));

/** Roles that may read admin data / change marketing configuration / manage the tenant. */
export const READERS: TenantRole[] = ['admin', 'marketer', 'viewer'];
export const WRITERS: TenantRole[] = ['admin', 'marketer'];
export const ADMINS: TenantRole[] = ['admin'];
