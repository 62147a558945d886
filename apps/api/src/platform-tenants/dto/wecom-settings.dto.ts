import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, IsUrl, Matches, Max, Min } from 'class-validator';

/** A tenant's WeCom corp: ids, secrets (write-only) and where its API lives. */
export class WeComSettingsDto {
  @ApiProperty({ example: 'ww1234567890abcdef' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'corpId must be 1-64 letters, digits, _ or -' })
  corpId: string;

  @ApiProperty({ example: 1000002 })
  @IsInt() @Min(1) @Max(2_147_483_647)
  agentId: number;

  @ApiProperty({ writeOnly: true, description: 'App secret; stored encrypted, never returned' })
  @IsString() @Matches(/^\S{1,128}$/, { message: 'corpSecret must be 1-128 characters without spaces' })
  corpSecret: string;

  @ApiProperty({ writeOnly: true, description: 'Callback Token (≤32 letters/digits)' })
  @Matches(/^[A-Za-z0-9]{1,32}$/, { message: 'callbackToken must be 1-32 letters or digits' })
  callbackToken: string;

  @ApiProperty({ writeOnly: true, description: 'Callback EncodingAESKey (43 letters/digits)' })
  @Matches(/^[A-Za-z0-9]{43}$/, { message: 'encodingAesKey must be exactly 43 letters or digits' })
  encodingAesKey: string;

  @ApiProperty({ example: 'https://qyapi.weixin.qq.com/cgi-bin/' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'apiBaseUrl must be an http(s) URL' })
  apiBaseUrl: string;
}
