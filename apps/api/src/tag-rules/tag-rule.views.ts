import { ApiProperty } from '@nestjs/swagger';
import type { TagRule } from '@scrm/core';

export class TagRuleView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['threshold', 'recency', 'buckets', 'lifecycle', 'interest'] }) kind: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) definition: object;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ description: 'The tag group the rule owns (kind computed, or interest)' }) groupId: string;
  @ApiProperty({ type: Date, nullable: true }) lastEvaluatedAt: Date | null;
  @ApiProperty() createdAt: Date;

  static of(r: TagRule): TagRuleView {
    const { tenantId: _t, updatedAt: _u, ...rest } = r;
    return Object.assign(new TagRuleView(), rest);
  }
}

export class DryRunView {
  @ApiProperty({ description: 'Customers that would get at least one tag' }) customers: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Customers per tag name' }) perTag: Record<string, number>;
}
