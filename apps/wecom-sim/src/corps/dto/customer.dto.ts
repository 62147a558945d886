import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';

export class FollowUserDto {
  @ApiProperty() @IsString() userid: string;
  @ApiPropertyOptional() @IsOptional() @IsString() remark?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() description?: string;
  @ApiPropertyOptional({ type: [String], description: 'corp tag ids marked on this relationship' })
  @IsOptional()
  @IsString({ each: true })
  tagIds?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() state?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() addWay?: number;
  @ApiPropertyOptional({ description: 'seconds' }) @IsOptional() @IsInt() createtime?: number;
}

export class CustomerProfileDto {
  @ApiPropertyOptional({ example: '李小姐' }) @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional({ enum: [1, 2], default: 1 }) @IsOptional() @IsIn([1, 2]) type?: 1 | 2;
  @ApiPropertyOptional({ enum: [0, 1, 2] }) @IsOptional() @IsIn([0, 1, 2]) gender?: 0 | 1 | 2;
  @ApiPropertyOptional() @IsOptional() @IsString() unionid?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() position?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() corpName?: string;
}

export class CustomerDto extends CustomerProfileDto {
  @ApiPropertyOptional({ description: 'generated (wm…) when absent' }) @IsOptional() @IsString() externalUserId?: string;
  @ApiPropertyOptional({ type: [FollowUserDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FollowUserDto)
  followUsers?: FollowUserDto[];
}
