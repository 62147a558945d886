import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

const STATUSES = ['pending', 'sent', 'no_code', 'no_rule', 'code_expired', 'already_chatting', 'failed'] as const;

export class OutcomesQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64)
  externalUserId?: string;

  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];
}

export class RulesQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  channelId?: string;

  @ApiPropertyOptional() @IsOptional() @IsString()
  userId?: string;
}
