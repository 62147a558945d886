import { ApiPropertyOptional } from '@nestjs/swagger';
import { INBOX_STATUSES, InboxStatus } from '@scrm/core';
import { IsDateTime } from '@scrm/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';

/** Filters shared by the list and the bulk replay. */
export class InboxFilterDto {
  @ApiPropertyOptional({ description: 'event kind, e.g. add_external_contact, chat_update, tag_create, unknown' })
  @IsOptional() @Matches(/^[a-z_]{1,64}$/, { message: 'type must be an event kind like add_external_contact' })
  type?: string;

  @ApiPropertyOptional({ enum: INBOX_STATUSES })
  @IsOptional() @IsIn(INBOX_STATUSES)
  status?: InboxStatus;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'received at or after' })
  @IsOptional() @IsDateTime()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'received at or before' })
  @IsOptional() @IsDateTime()
  to?: Date;
}
