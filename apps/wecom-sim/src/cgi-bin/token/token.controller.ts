import { Controller, Query } from '@nestjs/common';
import { WecomGet } from '../shared/wecom-get.decorator';
import { TokenService } from './token.service';

@Controller('cgi-bin')
export class TokenController {
  constructor(private readonly tokens: TokenService) {}

  @WecomGet('gettoken')
  gettoken(@Query('corpid') corpid?: string, @Query('corpsecret') corpsecret?: string) {
    return this.tokens.issue(corpid, corpsecret);
  }
}
