import { ApiPropertyOptional } from '@nestjs/swagger';
import { HHMM_PATTERN } from '@scrm/core';
import { Matches, ValidateIf } from 'class-validator';

/** Both or neither: an empty body (or both null) turns quiet hours off. */
export class QuietHoursDto {
  @ApiPropertyOptional({ example: '21:00', nullable: true, description: 'Tenant local time' })
  @ValidateIf((o: QuietHoursDto) => o.start != null || o.end != null) @Matches(HHMM_PATTERN, { message: 'start must be HH:mm' })
  start?: string | null;

  @ApiPropertyOptional({ example: '08:00', nullable: true, description: 'Exclusive; before start = runs past midnight' })
  @ValidateIf((o: QuietHoursDto) => o.start != null || o.end != null) @Matches(HHMM_PATTERN, { message: 'end must be HH:mm' })
  end?: string | null;
}
