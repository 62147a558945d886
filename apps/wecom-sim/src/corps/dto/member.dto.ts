import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsNotEmpty } from 'class-validator';

export class MemberDto {
  @ApiProperty({ example: 'zhangsan' }) @IsString() @IsNotEmpty() userid: string;
  @ApiPropertyOptional({ example: '张三' }) @IsOptional() @IsString() name?: string;
  @ApiPropertyOptional({ example: [1], type: [Number] }) @IsOptional() @IsInt({ each: true }) department?: number[];
  @ApiPropertyOptional({ enum: [1, 2, 4, 5], default: 1, description: '1 active, 2 disabled, 4 not activated, 5 left' })
  @IsOptional()
  @IsIn([1, 2, 4, 5])
  status?: 1 | 2 | 4 | 5;
  @ApiPropertyOptional() @IsOptional() @IsString() position?: string;
  @ApiPropertyOptional({ default: true, description: 'listed by get_follow_user_list' }) @IsOptional() @IsBoolean() followUser?: boolean;
}

export class DepartmentDto {
  @ApiProperty() @IsInt() id: number;
  @ApiProperty() @IsString() name: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() parentid?: number;
}
