import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

export class GroupChatTagsDto {
  @ApiProperty({ type: [String], description: 'Our tag ids (tags.id); replaces the chat’s tags' })
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  tagIds: string[];
}

export class GroupChatTagsView {
  @ApiProperty() chatId: string;
  @ApiProperty({ type: [String] }) tagIds: string[];
}
