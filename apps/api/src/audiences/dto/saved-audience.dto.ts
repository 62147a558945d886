import { ApiProperty, PartialType } from '@nestjs/swagger';
import type { AudienceRule } from '@scrm/core';
import { IsObject, IsString, Length } from 'class-validator';
import { RULE_DOC } from './audience-rule.dto';

export class CreateAudienceDto {
  @ApiProperty({ maxLength: 128 })
  @IsString() @Length(1, 128)
  name: string;

  @ApiProperty(RULE_DOC)
  @IsObject()
  rule: AudienceRule;
}

export class UpdateAudienceDto extends PartialType(CreateAudienceDto) {}

