import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';

export class OAuthUrlQuery {
  @ApiProperty({ description: 'Tenant slug' }) @IsString() @Length(1, 64)
  tenant: string;

  @ApiProperty({ description: 'Where WeCom sends the member back with ?code=' }) @IsUrl({ require_protocol: true, require_tld: false }) @MaxLength(1024)
  redirectUri: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128)
  state?: string;
}

export class OAuthExchangeDto {
  @ApiProperty({ description: 'Tenant slug' }) @IsString() @Length(1, 64)
  tenant: string;

  @ApiProperty({ description: 'The ?code= WeCom added (single use, 5 minutes)' }) @IsString() @Length(1, 512)
  code: string;
}

export class IssueStaffTokenDto {
  @ApiProperty({ description: 'The member (WeCom userid)' }) @IsString() @Length(1, 64)
  userId: string;
}

export class StaffSessionView {
  @ApiProperty() accessToken: string;
  @ApiProperty() expiresAt: Date;
  @ApiProperty() userId: string;
}

export class OAuthUrlView {
  @ApiProperty() url: string;
}
