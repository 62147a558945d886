import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AccessTokenService, LoginService } from '@scrm/core';
import { CurrentPrincipal, Public, Roles, TENANT_ROLES, TenantPrincipal } from '@scrm/platform';
import { UserView } from '../users/user.view';
import { LoginResultView } from './dto/login-result.view';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly login: LoginService,
    private readonly tokens: AccessTokenService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResultView })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account or address' })
  async signIn(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResultView> {
    const result = await this.login.login({ ...dto, ip });
    return { accessToken: result.accessToken, expiresAt: result.expiresAt, user: UserView.of(result.user) };
  }

  /** Revokes the token this request was made with. */
  @Post('logout')
  @Roles(...TENANT_ROLES)
  @HttpCode(204)
  async signOut(@CurrentPrincipal() principal: TenantPrincipal): Promise<void> {
    await this.tokens.revoke(principal.tenantId, principal.tokenId);
  }
}
