import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from './page.query';

export class CustomerFilterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'corp tag id: customers with this tag on any relationship' })
  @IsOptional() @IsString() @Length(1, 64)
  tagId?: string;

  @ApiPropertyOptional({ description: 'WeCom userid: customers with an active relationship with this member' })
  @IsOptional() @IsString() @Length(1, 64)
  userId?: string;
}
