import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListChannelsQuery {
  @ApiPropertyOptional() @IsOptional() @IsString()
  category?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(bool) @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'Include channels deleted in WeCom (kept for history)' })
  @IsOptional() @Transform(bool) @IsBoolean()
  includeDeleted?: boolean;
}
