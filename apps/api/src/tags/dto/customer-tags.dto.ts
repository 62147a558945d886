import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';

export class TagWeightDto {
  @ApiProperty() @IsUUID()
  tagId: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'Local kinds only (corp tags weigh 1); default 1' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1)
  weight?: number;
}

export class ChangeCustomerTagsDto {
  @ApiPropertyOptional({ type: [TagWeightDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => TagWeightDto)
  add?: TagWeightDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  remove?: string[];
}
