import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CustomerRefKind } from '@scrm/core';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const KINDS: CustomerRefKind[] = ['id', 'external_userid', 'unionid'];

export class ProfileQuery {
  @ApiPropertyOptional({ enum: KINDS, description: 'How :ref names the customer; by default a uuid is our id, anything else an external_userid' })
  @IsOptional() @IsIn(KINDS)
  by?: CustomerRefKind;
}

export class TimelineQuery extends ProfileQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(512)
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;
}
