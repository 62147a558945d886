import { ApiProperty } from '@nestjs/swagger';
import { INBOX_STATUSES, InboxEvent, InboxPage, InboxStatus } from '@scrm/core';

/** An inbox row as admins see it (the XML is the decrypted event: no secret in it). */
export class InboxEventView {
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty({ enum: INBOX_STATUSES }) status: InboxStatus;
  @ApiProperty({ nullable: true, enum: ['done', 'skipped', 'acknowledged'] }) result: string | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty() dedupeKey: string;
  @ApiProperty() xml: string;
  @ApiProperty() receivedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) processedAt: Date | null;

  static of(e: InboxEvent): InboxEventView {
    return Object.assign(new InboxEventView(), {
      id: e.id,
      type: e.type,
      status: e.status,
      result: e.result,
      error: e.error,
      attempts: e.attempts,
      dedupeKey: e.dedupeKey,
      xml: e.xml,
      receivedAt: e.createdAt,
      processedAt: e.processedAt,
    });
  }
}

export class InboxPageView {
  @ApiProperty({ type: [InboxEventView] }) items: InboxEventView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;

  static of(p: InboxPage): InboxPageView {
    return Object.assign(new InboxPageView(), { ...p, items: p.items.map(InboxEventView.of) });
  }
}

export class ReplayResultView {
  @ApiProperty() replayed: number;
}
