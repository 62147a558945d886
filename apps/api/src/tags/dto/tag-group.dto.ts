import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { TAG_KINDS, TagKind } from '@scrm/core';
import { TENANT_ROLES } from '@scrm/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CreateTagDto } from './tag.dto';

export class CreateTagGroupDto {
  @ApiProperty({ example: 'Level', description: 'Unique among live groups; at most 30 characters for corp groups (WeCom)' })
  @IsString() @Length(1, 64)
  name: string;

  @ApiProperty({ enum: TAG_KINDS, description: 'corp groups are created in WeCom first' }) @IsIn(TAG_KINDS)
  kind: TagKind;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ description: 'Higher sorts first' }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000)
  order?: number;

  @ApiPropertyOptional({ nullable: true, type: [String], enum: TENANT_ROLES, description: 'Roles that may see the group; null = all. Admins only; admins always see every group' })
  @IsOptional() @IsArray() @ArrayMaxSize(TENANT_ROLES.length) @IsIn(TENANT_ROLES, { each: true })
  allowedRoles?: string[] | null;

  @ApiPropertyOptional({ type: [CreateTagDto], description: 'The group’s first tags; a corp group needs at least one' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => CreateTagDto)
  tags?: CreateTagDto[];
}

export class UpdateTagGroupDto extends PartialType(OmitType(CreateTagGroupDto, ['kind', 'tags'] as const)) {}
