import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { GroupChatMemberDto } from '../../corps/dto/group-chat.dto';

export class RenameChatDto {
  @ApiProperty() @IsString() name: string;
}

export class ChatNoticeDto {
  @ApiProperty() @IsString() notice: string;
}

export class ChatOwnerDto {
  @ApiProperty({ description: 'userid of the new owner (a member)' }) @IsString() owner: string;
}

export class JoinChatDto {
  @ApiProperty({ type: [GroupChatMemberDto] })
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => GroupChatMemberDto)
  members: GroupChatMemberDto[];
  @ApiPropertyOptional({ enum: [0, 3], default: 0, description: 'JoinScene: 0 invited, 3 scanned the group QR code' })
  @IsOptional()
  @IsIn([0, 3])
  joinScene?: 0 | 3;
}

export class LeaveChatDto {
  @ApiProperty({ type: [String], description: 'userids / external_userids leaving' })
  @IsArray()
  @ArrayNotEmpty()
  @IsString({ each: true })
  ids: string[];
  @ApiPropertyOptional({ enum: [0, 1], default: 0, description: 'QuitScene: 0 left, 1 removed' })
  @IsOptional()
  @IsIn([0, 1])
  quitScene?: 0 | 1;
}
