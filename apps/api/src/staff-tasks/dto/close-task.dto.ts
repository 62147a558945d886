import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class DoneTaskDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500)
  reason?: string;
}

export class SkipTaskDto {
  @ApiProperty({ example: 'Customer asked not to be contacted' }) @IsString() @Length(1, 500)
  reason: string;
}
