import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';

export class GroupChatMemberDto {
  @ApiProperty({ description: 'userid (type 1) or external_userid (type 2)' }) @IsString() id: string;
  @ApiProperty({ enum: [1, 2], description: '1 member, 2 external contact' }) @IsIn([1, 2]) type: 1 | 2;
  @ApiPropertyOptional({ default: 1, description: 'join_scene: 1 invited, 2 link, 3 scanned QR' }) @IsOptional() @IsInt() joinScene?: number;
}

export class GroupChatDto {
  @ApiPropertyOptional({ description: 'generated (wr…) when absent' }) @IsOptional() @IsString() chatId?: string;
  @ApiProperty({ example: '会员福利群' }) @IsString() name: string;
  @ApiProperty({ example: 'zhangsan' }) @IsString() owner: string;
  @ApiPropertyOptional() @IsOptional() @IsString() notice?: string;
  @ApiPropertyOptional({ type: [GroupChatMemberDto], description: 'the owner is added as a member if missing' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => GroupChatMemberDto)
  members?: GroupChatMemberDto[];
}
