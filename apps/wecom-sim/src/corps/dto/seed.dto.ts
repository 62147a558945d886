import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class SeedDto {
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @IsInt() @Min(1) @Max(5000) members?: number;
  @ApiPropertyOptional({ default: 10000 }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) customers?: number;
  @ApiPropertyOptional({ default: 8 }) @IsOptional() @IsInt() @Min(0) @Max(1000) tagGroups?: number;
  @ApiPropertyOptional({ default: 50, description: 'tags in all, spread over the groups' }) @IsOptional() @IsInt() @Min(0) @Max(10000) tags?: number;
  @ApiPropertyOptional({ default: 200 }) @IsOptional() @IsInt() @Min(0) @Max(100000) groupChats?: number;
}
