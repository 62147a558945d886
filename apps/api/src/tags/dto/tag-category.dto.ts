import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class CreateTagCategoryDto {
  @ApiProperty({ example: 'Lifecycle' }) @IsString() @Length(1, 64)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Parent category; categories nest at most 3 levels deep' })
  @IsOptional() @IsUUID()
  parentId?: string | null;
}

export class UpdateTagCategoryDto extends PartialType(CreateTagCategoryDto) {}
