import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { TagInputDto } from '../../corps/dto/tag-group.dto';

/** Tags made in the admin console: into groupId, into the group named groupName, or a new group. */
export class ConsoleTagCreateDto {
  @ApiPropertyOptional() @IsOptional() @IsString() groupId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() groupName?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() order?: number;
  @ApiProperty({ type: [TagInputDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => TagInputDto)
  tags: TagInputDto[];
}

export class ConsoleTagUpdateDto {
  @ApiPropertyOptional() @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() order?: number;
}

export class ConsoleTagShuffleDto {
  @ApiPropertyOptional({ description: 'group reordered; absent = all groups (empty Id)' }) @IsOptional() @IsString() groupId?: string;
}
