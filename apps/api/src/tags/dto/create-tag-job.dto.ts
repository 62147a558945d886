import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AudienceRule } from '@scrm/core';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class CreateTagJobDto {
  @ApiPropertyOptional({ type: [String], description: 'Tag ids to add' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  add?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Tag ids to remove' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  remove?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Customers by our id or external_userid (≤ 10,000); or give audience / audienceId' })
  @IsOptional() @IsArray() @ArrayMaxSize(10_000) @IsString({ each: true }) @Length(1, 64, { each: true })
  customers?: string[];

  @ApiPropertyOptional({ type: Object, description: 'An audience rule (see /audiences)' })
  @IsOptional() @IsObject()
  audience?: AudienceRule;

  @ApiPropertyOptional({ description: 'A saved audience' }) @IsOptional() @IsUUID()
  audienceId?: string;
}
