import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AudienceRuleDto } from './audience-rule.dto';

export class SampleAudienceDto extends AudienceRuleDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional() @IsInt() @Min(1) @Max(100)
  n?: number;
}
