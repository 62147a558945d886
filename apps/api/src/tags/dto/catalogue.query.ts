import { ApiPropertyOptional } from '@nestjs/swagger';
import { TAG_KINDS, TagKind } from '@scrm/core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';

export class CatalogueQuery {
  @ApiPropertyOptional({ enum: TAG_KINDS }) @IsOptional() @IsIn(TAG_KINDS)
  kind?: TagKind;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ default: false, description: 'also list deleted groups and tags' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeDeleted = false;
}
