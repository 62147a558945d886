import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';

export class TagInputDto {
  @ApiProperty({ example: '高意向' }) @IsString() name: string;
  @ApiPropertyOptional({ description: 'fixed id (generated when absent)' }) @IsOptional() @IsString() id?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() order?: number;
}

/** A tag group made "in the admin console": the app cannot edit or delete it. */
export class TagGroupDto {
  @ApiProperty({ example: '客户意向' }) @IsString() groupName: string;
  @ApiPropertyOptional() @IsOptional() @IsString() groupId?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() order?: number;
  @ApiProperty({ type: [TagInputDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => TagInputDto)
  tags: TagInputDto[];
}
