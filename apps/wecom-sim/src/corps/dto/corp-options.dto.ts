import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min, ValidateIf } from 'class-validator';

/** Per-corp knobs; every field optional, defaults are WeCom's numbers (see state/corp-options.ts). */
export class CorpOptionsDto {
  @ApiPropertyOptional({ default: 300 }) @IsOptional() @IsInt() @Min(0) gettokenPerMinute?: number;
  @ApiPropertyOptional({ default: 10000 }) @IsOptional() @IsInt() @Min(0) apiPerMinute?: number;
  @ApiPropertyOptional({ default: 150000 }) @IsOptional() @IsInt() @Min(0) apiPerHour?: number;
  @ApiPropertyOptional({ default: 30 }) @IsOptional() @IsInt() @Min(0) appMessagesPerMemberMinute?: number;
  @ApiPropertyOptional({ default: 1000 }) @IsOptional() @IsInt() @Min(0) appMessagesPerMemberHour?: number;
  @ApiPropertyOptional({ nullable: true, description: 'mass messages per customer per month; null = days in the month' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  massSendMonthlyQuota?: number | null;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) sendResultDelaySec?: number;
  @ApiPropertyOptional({ default: 7200 }) @IsOptional() @IsInt() @Min(1) tokenTtlSec?: number;
  @ApiPropertyOptional({ default: 5000 }) @IsOptional() @IsInt() @Min(1) callbackTimeoutMs?: number;
  @ApiPropertyOptional({ default: 1000 }) @IsOptional() @IsInt() @Min(0) callbackRetryDelayMs?: number;
  @ApiPropertyOptional({ default: 4, description: 'deliveries in all, first included' }) @IsOptional() @IsInt() @Min(1) callbackMaxDeliveries?: number;
}
