import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

export class CreateTagDto {
  @ApiProperty({ example: 'gold', description: 'Unique within the group; at most 30 characters for corp tags (WeCom)' })
  @IsString() @Length(1, 64)
  name: string;

  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ description: 'Higher sorts first' }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000)
  order?: number;
}

export class UpdateTagDto extends PartialType(CreateTagDto) {}
