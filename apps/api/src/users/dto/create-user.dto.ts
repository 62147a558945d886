import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { TENANT_ROLES, TenantRole } from '@scrm/platform';

export class CreateUserDto {
  @ApiProperty() @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, writeOnly: true }) @IsString() @Length(10, 128)
  password: string;

  @ApiProperty({ enum: TENANT_ROLES }) @IsIn(TENANT_ROLES)
  role: TenantRole;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128)
  displayName?: string;

  @ApiPropertyOptional({ description: 'WeCom userid of the staff member this user is' })
  @IsOptional() @Matches(/^[A-Za-z0-9_.@-]{1,64}$/, { message: 'staffUserId must be a WeCom userid' })
  staffUserId?: string;
}
