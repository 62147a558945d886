import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HHMM_PATTERN } from '@scrm/core';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';

export class ScheduleSlotDto {
  @ApiProperty({ example: '09:00', description: 'Local time (tenant time zone), HH:mm' }) @Matches(HHMM_PATTERN, { message: 'start must be HH:mm' })
  start: string;

  @ApiProperty({ example: '18:00', description: 'Exclusive; before start = runs past midnight; 24:00 allowed' })
  @Matches(HHMM_PATTERN, { message: 'end must be HH:mm' })
  end: string;

  @ApiPropertyOptional({ type: [String], description: 'Pool members on duty in this slot; empty = all' })
  @IsOptional() @IsArray() @IsString({ each: true })
  userIds: string[] = [];
}

export class WeeklySlotDto extends ScheduleSlotDto {
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'ISO weekdays, 1 = Monday … 7 = Sunday' })
  @IsArray() @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true })
  weekdays: number[];
}

export class ScheduleExceptionDto {
  @ApiProperty({ example: '2026-12-25' }) @IsDateString({ strict: true })
  date: string;

  @ApiProperty({ type: [ScheduleSlotDto], description: 'Replaces the weekly slots that day; empty = nobody from the pool' })
  @IsArray() @ValidateNested({ each: true }) @Type(() => ScheduleSlotDto)
  slots: ScheduleSlotDto[];
}

export class ScheduleDto {
  @ApiProperty({ type: [WeeklySlotDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => WeeklySlotDto)
  weekly: WeeklySlotDto[];

  @ApiPropertyOptional({ type: [ScheduleExceptionDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(366) @ValidateNested({ each: true }) @Type(() => ScheduleExceptionDto)
  exceptions: ScheduleExceptionDto[] = [];
}
