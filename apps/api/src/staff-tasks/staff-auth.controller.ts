import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { StaffSignInService } from '@scrm/core';
import { ADMINS, Public, Roles, TenantId } from '@scrm/platform';
import { IssueStaffTokenDto, OAuthExchangeDto, OAuthUrlQuery, OAuthUrlView, StaffSessionView } from './dto/staff-auth.dto';

/** Staff sign-in through WeCom's OAuth code flow (as from the reminder card), or a token an admin issues. */
@ApiTags('staff tasks')
@Controller('api/v1/staff')
export class StaffAuthController {
  constructor(private readonly signIn: StaffSignInService) {}

  @Get('auth/oauth-url')
  @Public()
  @ApiOkResponse({ type: OAuthUrlView })
  async oauthUrl(@Query() q: OAuthUrlQuery): Promise<OAuthUrlView> {
    return { url: await this.signIn.authorizeUrl(q.tenant, q.redirectUri, q.state) };
  }

  @Post('auth/oauth')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: StaffSessionView })
  @ApiUnauthorizedResponse({ description: 'The code is used, expired, or not a member’s' })
  oauth(@Body() dto: OAuthExchangeDto): Promise<StaffSessionView> {
    return this.signIn.exchange(dto.tenant, dto.code);
  }

  @Post('tokens')
  @Roles(...ADMINS)
  @ApiCreatedResponse({ type: StaffSessionView })
  issue(@TenantId() tenantId: string, @Body() dto: IssueStaffTokenDto): Promise<StaffSessionView> {
    return this.signIn.issue(tenantId, dto.userId);
  }
}
