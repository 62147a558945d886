import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CorpState } from '../../state/corp-state';
import { Corp } from '../shared/corp.decorator';
import { WecomGet } from '../shared/wecom-get.decorator';
import { AuthorizeQuery, OAuthService } from './oauth.service';

@Controller()
export class OAuthController {
  constructor(private readonly oauth: OAuthService) {}

  /** Stands in for https://open.weixin.qq.com/connect/oauth2/authorize. */
  @Get('connect/oauth2/authorize')
  @ApiTags('oauth')
  @ApiOperation({ summary: 'WeCom OAuth step 1. Extra query: sim_userid (member to log in) or sim_openid (non-member).' })
  authorize(@Query() q: AuthorizeQuery, @Res() res: Response) {
    res.redirect(302, this.oauth.authorize(q));
  }

  @WecomGet('cgi-bin/auth/getuserinfo')
  getUserInfo(@Corp() corp: CorpState, @Query('code') code?: string) {
    return this.oauth.getUserInfo(corp, code);
  }
}
