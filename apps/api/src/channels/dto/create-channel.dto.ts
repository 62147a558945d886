import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGNMENT_STRATEGIES, AssignmentStrategy } from '@scrm/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { ChannelMemberDto } from './channel-member.dto';
import { ScheduleDto } from './schedule.dto';

export class CreateChannelDto {
  @ApiProperty({ example: 'Spring fair booth' }) @IsString() @Length(1, 64)
  name: string;

  @ApiPropertyOptional({ example: 'offline' }) @IsOptional() @IsString() @Length(1, 64)
  category?: string;

  @ApiPropertyOptional({ description: 'The contact way state (≤30 chars, letters, digits, _ and -); generated when absent' })
  @IsOptional() @IsString() @MaxLength(30) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'state may hold only letters, digits, _ and -' })
  state?: string;

  @ApiProperty({ enum: ASSIGNMENT_STRATEGIES }) @IsIn(ASSIGNMENT_STRATEGIES)
  strategy: AssignmentStrategy;

  @ApiProperty({ type: [ChannelMemberDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ChannelMemberDto)
  members: ChannelMemberDto[];

  @ApiPropertyOptional({ nullable: true, description: 'Adds per member per local day; absent = unlimited' })
  @IsOptional() @IsInt() @Min(0)
  dailyLimit?: number | null;

  @ApiPropertyOptional({ type: [String], description: 'Listed when no pool member is eligible, so the list is never empty' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true })
  backupUserIds?: string[];

  @ApiPropertyOptional({ type: ScheduleDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => ScheduleDto)
  schedule?: ScheduleDto | null;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean()
  skipVerify?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Corp tag ids applied to every add' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true })
  tagIds?: string[];

  @ApiPropertyOptional({ maxLength: 30 }) @IsOptional() @IsString() @MaxLength(30)
  remark?: string;
}
