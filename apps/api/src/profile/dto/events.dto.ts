import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_EVENTS_PER_BATCH } from '@scrm/core';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PROPERTIES_CHARS } from './parse-events';

/** One event as documented; parseEvents checks these rules (the batch path skips class-validator for speed). */
export class EventDto {
  @ApiProperty({ minLength: 1, maxLength: 128, description: 'Unique per tenant: the same key twice is stored once' })
  idempotencyKey: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Our customer id; give exactly one of customerId, externalUserId, unionid' })
  customerId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 64 })
  externalUserId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 64 })
  unionid?: string;

  @ApiProperty({ example: 'purchase', pattern: '^[A-Za-z0-9_.:-]{1,48}$' })
  type: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'At most a day ahead of the server clock' })
  occurredAt: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: `At most ${MAX_PROPERTIES_CHARS} characters as JSON`,
    example: { amount: 99.5, item_tags: ['shoes'], touchpoint: 'app' },
  })
  properties?: Record<string, unknown>;
}

export class EventsBatchDto {
  @ApiProperty({ type: [EventDto], minItems: 1, maxItems: MAX_EVENTS_PER_BATCH, description: 'Each event checked by parseEvents (400 names events.3.occurredAt)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_EVENTS_PER_BATCH)
  events: unknown[];
}

export class CustomerRefQuery {
  @ApiPropertyOptional({ enum: ['id', 'external_userid', 'unionid'], description: 'How :ref names the customer; default: a uuid is our id, anything else an external_userid' })
  @IsOptional() @IsIn(['id', 'external_userid', 'unionid'])
  by?: 'id' | 'external_userid' | 'unionid';
}

export class CustomerEventsQuery extends CustomerRefQuery {
  @ApiPropertyOptional({ description: 'From the previous page’s nextCursor' }) @IsOptional() @IsString() @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}
