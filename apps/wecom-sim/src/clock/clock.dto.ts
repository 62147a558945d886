import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional } from 'class-validator';

/** Give one of them: offsetMs sets the offset from real time, advanceMs adds to it, now jumps to a time. */
export class ClockDto {
  @ApiPropertyOptional({ example: 21000 }) @IsOptional() @IsInt() offsetMs?: number;
  @ApiPropertyOptional({ example: 21000 }) @IsOptional() @IsInt() advanceMs?: number;
  @ApiPropertyOptional({ description: 'epoch ms' }) @IsOptional() @IsInt() now?: number;
}
