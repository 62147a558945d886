import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional } from 'class-validator';

export class ChannelStatsQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First local day; default 29 days before `to`' })
  @IsOptional() @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last local day; default today' })
  @IsOptional() @IsDateString({ strict: true })
  to?: string;
}
