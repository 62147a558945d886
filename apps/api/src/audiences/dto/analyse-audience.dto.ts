import { ApiProperty } from '@nestjs/swagger';
import { parseDimension } from '@scrm/core';
import { ValidateBy } from 'class-validator';
import { AudienceRuleDto } from './audience-rule.dto';

export class AnalyseAudienceDto extends AudienceRuleDto {
  @ApiProperty({
    description: "'gender' | 'channel' | 'staff' | 'month_added' | 'lifecycle', or { kind: 'tag_group', id }",
    oneOf: [
      { type: 'string', enum: ['gender', 'channel', 'staff', 'month_added', 'lifecycle'] },
      { type: 'object', properties: { kind: { type: 'string', enum: ['tag_group'] }, id: { type: 'string', format: 'uuid' } } },
    ],
  })
  @ValidateBy({
    name: 'isAudienceDimension',
    validator: {
      validate: (value: unknown) => typeof parseDimension(value) !== 'string',
      defaultMessage: (args) => `${args?.property}: ${String(parseDimension(args?.value))}`,
    },
  })
  dimension: unknown;
}
