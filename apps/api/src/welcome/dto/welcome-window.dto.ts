import { ApiProperty } from '@nestjs/swagger';
import { HHMM_PATTERN } from '@scrm/core';
import { ArrayMinSize, IsArray, IsInt, Matches, Max, Min } from 'class-validator';

export class WelcomeWindowDto {
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'ISO weekdays, 1 = Monday … 7 = Sunday' })
  @IsArray() @ArrayMinSize(1) @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true })
  weekdays: number[];

  @ApiProperty({ example: '18:00', description: 'Tenant local time' }) @Matches(HHMM_PATTERN, { message: 'start must be HH:mm' })
  start: string;

  @ApiProperty({ example: '09:00', description: 'Exclusive; before start = runs past midnight' }) @Matches(HHMM_PATTERN, { message: 'end must be HH:mm' })
  end: string;
}
