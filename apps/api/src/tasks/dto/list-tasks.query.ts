import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateTime } from '@scrm/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

const STATES = ['pending', 'overdue', 'done'] as const;

export class StaffTasksQuery {
  @ApiPropertyOptional({ enum: STATES }) @IsOptional() @IsIn(STATES)
  state?: (typeof STATES)[number];

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  pageSize?: number;
}

export class TaskBoardQuery extends StaffTasksQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  sopId?: string;

  @ApiPropertyOptional({ description: 'Member (WeCom userid)' }) @IsOptional() @IsString() @Length(1, 64)
  userId?: string;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100)
  stepIndex?: number;

  @ApiPropertyOptional({ description: 'Window from (ISO date-time)' }) @IsOptional() @IsDateTime()
  from?: Date;

  @ApiPropertyOptional({ description: 'Window before (ISO date-time)' }) @IsOptional() @IsDateTime()
  to?: Date;
}
