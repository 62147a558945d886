import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import type { AudienceRule } from '@scrm/core';

export const RULE_DOC: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: true,
  description:
    'Nested { and: [] } | { or: [] } | { not: {} } over leaves { tag, minWeight? } | { attribute, op, value? } | ' +
    '{ event, measure, property?, withinDays, op, value } | { channel } | { staff } | { addedBetween: { from?, to? } } | { inGroup }',
  example: { and: [{ tag: '00000000-0000-4000-8000-000000000000' }, { not: { staff: 'zhangsan' } }] },
};

/** A rule; its shape is checked by AudienceValidator, which names the offending JSON path (rule.and[1].tag). */
export class AudienceRuleDto {
  @ApiProperty(RULE_DOC)
  @IsObject()
  rule: AudienceRule;
}
