import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { InboxFilterDto } from './inbox-filter.dto';

/** Replays finished rows only; without a status, the failed ones (the usual reason to replay). */
export class ReplayInboxDto extends InboxFilterDto {
  @ApiPropertyOptional({ enum: ['done', 'failed'], default: 'failed' })
  @IsOptional() @IsIn(['done', 'failed'], { message: 'status must be done or failed (only finished events are replayed)' })
  declare status?: 'done' | 'failed';
}
