import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsTimeZone, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { WeComSettingsDto } from './wecom-settings.dto';

export class InitialAdminDto {
  @ApiProperty() @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, writeOnly: true }) @IsString() @Length(10, 128)
  password: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128)
  displayName?: string;
}

export class CreateTenantDto extends WeComSettingsDto {
  @ApiProperty({ example: 'acme', description: 'Used at login' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'slug must be 2-63 lower-case letters, digits or dashes' })
  slug: string;

  @ApiProperty() @IsString() @Length(1, 128)
  name: string;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' }) @IsOptional() @IsTimeZone()
  timezone?: string;

  @ApiProperty({ type: InitialAdminDto }) @ValidateNested() @Type(() => InitialAdminDto)
  admin: InitialAdminDto;
}
