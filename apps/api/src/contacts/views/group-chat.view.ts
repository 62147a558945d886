import { ApiProperty } from '@nestjs/swagger';
import { PageMetaView } from './page-meta.view';

export class GroupChatView {
  @ApiProperty() chatId: string;
  @ApiProperty() name: string;
  @ApiProperty() owner: string;
  @ApiProperty() notice: string;
  @ApiProperty({ enum: ['active', 'dismissed'] }) status: string;
  @ApiProperty() memberCount: number;
  @ApiProperty({ nullable: true, type: Date }) createdAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) memberVersion: string | null;
}

export class GroupChatPageView extends PageMetaView {
  @ApiProperty({ type: [GroupChatView] }) items: GroupChatView[];
}

export class GroupChatMemberView {
  @ApiProperty() memberId: string;
  @ApiProperty({ description: '1 staff member, 2 customer' }) type: number;
  @ApiProperty({ nullable: true, type: Date }) joinedAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) joinScene: number | null;
  @ApiProperty({ nullable: true, type: String }) invitor: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
}

export class GroupChatDetailView extends GroupChatView {
  @ApiProperty({ type: [GroupChatMemberView] }) members: GroupChatMemberView[];
}
