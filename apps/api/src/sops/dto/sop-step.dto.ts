import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { HHMM_PATTERN } from '@scrm/core';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, ValidateNested } from 'class-validator';
import { WelcomeAttachmentDto } from '../../welcome/dto/welcome-attachment.dto';

export class StepOffsetDto {
  @ApiProperty({ example: 1, description: '≥ 0' }) @IsInt() @Max(100_000)
  amount: number;

  @ApiProperty({ enum: ['minutes', 'hours', 'days'] }) @IsIn(['minutes', 'hours', 'days'])
  unit: 'minutes' | 'hours' | 'days';

  @ApiPropertyOptional({ example: '10:00', description: 'Land at this local time of the day the offset reaches (or the next day)' })
  @IsOptional() @Matches(HHMM_PATTERN, { message: 'at must be HH:mm' })
  at?: string;
}

export class SopStepDto {
  @ApiProperty({ type: StepOffsetDto }) @ValidateNested() @Type(() => StepOffsetDto)
  offset: StepOffsetDto;

  @ApiProperty({ enum: ['mass_send', 'reminder'], description: 'mass_send: add_msg_template the member confirms; reminder: an app card to the member' })
  @IsIn(['mass_send', 'reminder'])
  delivery: 'mass_send' | 'reminder';

  @ApiPropertyOptional({ description: 'Welcome variables; one mass send carries one text, so {customer_name} renders its fallback. ≤4000 bytes' })
  @IsOptional() @IsString() @MaxLength(4000)
  text?: string;

  @ApiPropertyOptional({ type: [WelcomeAttachmentDto], maxItems: 9 })
  @IsOptional() @IsArray() @ArrayMaxSize(9) @ValidateNested({ each: true }) @Type(() => WelcomeAttachmentDto)
  attachments?: WelcomeAttachmentDto[];
}
