import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { TenantRole } from '@scrm/platform';

const KEY_ROLES: TenantRole[] = ['admin', 'marketer', 'viewer'];

export class CreateApiKeyDto {
  @ApiProperty({ example: 'crm-sync' }) @IsString() @Length(1, 128)
  name: string;

  @ApiProperty({ enum: KEY_ROLES }) @IsIn(KEY_ROLES)
  role: TenantRole;
}
