import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsObject, IsString, Length, Matches } from 'class-validator';

const DEFINITION_DOC =
  'One of: threshold {kind, eventType, measure count|sum, property (sum), windowDays, op >= > <= < =, value, tag}; ' +
  'recency {kind, eventTypes?, days, tag}; buckets {kind, source {type attribute, key} | {type events, eventType, measure, property?, windowDays}, ' +
  'buckets [{min?, max?, label}] ([min, max))}; lifecycle {kind, purchaseEventType, labels? {prospect, new, returning}}; ' +
  'interest {kind, decay (0,1], actionWeights {eventType: w}, touchpointWeights? {touchpoint: w}, itemTagsProperty? (item_tags), ' +
  'touchpointProperty? (touchpoint), windowDays? (180)}. See libs/core/src/computed-tags/README.md.';

export class CreateTagRuleDto {
  @ApiProperty({ example: 'VIP', description: 'Also the name of the tag group the rule owns' })
  @IsString() @Length(1, 64) @Matches(/^[^\u0000]*$/, { message: 'name must not contain NUL' })
  name: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: DEFINITION_DOC,
    example: { kind: 'threshold', eventType: 'purchase', measure: 'sum', property: 'amount', windowDays: 30, op: '>=', value: 200, tag: 'VIP' },
  })
  @IsObject()
  definition: Record<string, unknown>;
}

/** Name or definition; the kind stays. */
export class UpdateTagRuleDto extends PartialType(CreateTagRuleDto) {}

export class DryRunDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: DEFINITION_DOC }) @IsObject()
  definition: Record<string, unknown>;
}
