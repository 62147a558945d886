import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { TenantStatus } from '@scrm/core';

export class UpdateTenantStatusDto {
  @ApiProperty({ enum: ['active', 'disabled'] }) @IsIn(['active', 'disabled'])
  status: TenantStatus;
}
