import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HHMM_PATTERN } from '@scrm/core';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';

const TYPES = ['customer_added', 'tag_added', 'group_joined', 'once', 'daily', 'weekly', 'monthly', 'cron'] as const;
type TriggerType = (typeof TYPES)[number];
const is = (...types: TriggerType[]) => (o: SopTriggerDto) => types.includes(o.type);

/** Which fields are required depends on `type`. Times are the tenant's local time. */
export class SopTriggerDto {
  @ApiProperty({ enum: TYPES }) @IsIn(TYPES)
  type: TriggerType;

  @ApiPropertyOptional({ description: 'customer_added: only adds through this channel' }) @IsOptional() @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ description: 'tag_added: our tag id (tags.id)' }) @ValidateIf(is('tag_added')) @IsUUID()
  tagId?: string;

  @ApiPropertyOptional({ description: 'group_joined: only this chat' }) @IsOptional() @IsString() @Length(1, 64)
  chatId?: string;

  @ApiPropertyOptional({ description: 'once: ISO date-time' }) @ValidateIf(is('once')) @IsDateString()
  at?: string;

  @ApiPropertyOptional({ example: '09:00', description: 'daily, weekly, monthly' }) @ValidateIf(is('daily', 'weekly', 'monthly')) @Matches(HHMM_PATTERN, { message: 'time must be HH:mm' })
  time?: string;

  @ApiPropertyOptional({ type: [Number], description: 'weekly: ISO weekdays, 1 = Monday … 7 = Sunday' })
  @ValidateIf(is('weekly')) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true })
  weekdays?: number[];

  @ApiPropertyOptional({ type: [Number], description: 'monthly: days of the month 1..31' })
  @ValidateIf(is('monthly')) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(31) @IsInt({ each: true }) @Min(1, { each: true }) @Max(31, { each: true })
  days?: number[];

  @ApiPropertyOptional({ example: '0 9 * * 1', description: 'cron: 5 fields, tenant local time' }) @ValidateIf(is('cron')) @IsString() @Length(9, 120)
  expression?: string;
}
