import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CustomerRef, EventInput, MAX_EVENTS_PER_BATCH } from '@scrm/core';
import { fieldError, IsDateTime } from '@scrm/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** Serialized properties of one event may not exceed this. */
const MAX_PROPERTIES_CHARS = 8_192;
/** Clock skew tolerated on occurredAt. */
const FUTURE_SLACK_MS = 24 * 3600_000;

export class EventDto {
  @ApiProperty({ maxLength: 128, description: 'Unique per tenant: the same key twice is stored once' })
  @IsString() @Length(1, 128)
  idempotencyKey: string;

  @ApiPropertyOptional({ description: 'Our customer id; give exactly one of customerId, externalUserId, unionid' })
  @IsOptional() @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @Length(1, 64)
  externalUserId?: string;

  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @Length(1, 64)
  unionid?: string;

  @ApiProperty({ example: 'purchase', description: 'letters, digits, _ . : -, at most 48' })
  @IsString() @Matches(/^[A-Za-z0-9_.:-]{1,48}$/, { message: 'type must be letters, digits, _ . : - (at most 48)' })
  type: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'At most a day ahead of the server clock' })
  @IsDateTime()
  occurredAt: Date;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { amount: 99.5, item_tags: ['shoes'], touchpoint: 'app' } })
  @IsOptional() @IsObject()
  properties?: Record<string, unknown>;
}

export class EventsBatchDto {
  @ApiProperty({ type: [EventDto], maxItems: MAX_EVENTS_PER_BATCH })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_EVENTS_PER_BATCH) @ValidateNested({ each: true }) @Type(() => EventDto)
  events: EventDto[];
}

/** The checks a decorator cannot make; the whole batch is refused (400 naming events.<i>.<field>) before any is stored. */
export function toEventInputs(dto: EventsBatchDto, now: Date): EventInput[] {
  return dto.events.map((e, i) => {
    const refs: CustomerRef[] = [];
    if (e.customerId !== undefined) refs.push({ kind: 'id', value: e.customerId });
    if (e.externalUserId !== undefined) refs.push({ kind: 'external_userid', value: e.externalUserId });
    if (e.unionid !== undefined) refs.push({ kind: 'unionid', value: e.unionid });
    if (refs.length !== 1) throw fieldError(`events.${i}.customerId`, 'give exactly one of customerId, externalUserId, unionid');
    if (e.occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS) throw fieldError(`events.${i}.occurredAt`, 'is more than a day in the future');
    const properties = e.properties ?? {};
    if (JSON.stringify(properties).length > MAX_PROPERTIES_CHARS) throw fieldError(`events.${i}.properties`, `must serialize to at most ${MAX_PROPERTIES_CHARS} characters`);
    return { idempotencyKey: e.idempotencyKey, customer: refs[0], type: e.type, occurredAt: e.occurredAt, properties };
  });
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
