import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { WelcomeAttachmentDto } from './welcome-attachment.dto';
import { WelcomeVariantDto } from './welcome-variant.dto';
import { WelcomeWindowDto } from './welcome-window.dto';

export class CreateWelcomeRuleDto {
  @ApiProperty({ example: 'After-hours greeting' }) @IsString() @Length(1, 64)
  name: string;

  @ApiPropertyOptional({ description: 'Scope: set for a channel rule (with userId: channel+member)' }) @IsOptional() @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ description: 'Scope: set for a member rule (with channelId: channel+member)' }) @IsOptional() @IsString() @Length(1, 64)
  userId?: string;

  @ApiPropertyOptional({ type: [WelcomeWindowDto], description: 'When the rule applies; empty = any time' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => WelcomeWindowDto)
  windows?: WelcomeWindowDto[];

  @ApiPropertyOptional({ description: '{customer_name} {staff_name} {channel_name}; {customer_name|friend} gives a fallback. ≤4000 bytes' })
  @IsOptional() @IsString() @MaxLength(4000)
  text?: string;

  @ApiPropertyOptional({ type: [WelcomeAttachmentDto], maxItems: 9 })
  @IsOptional() @IsArray() @ArrayMaxSize(9) @ValidateNested({ each: true }) @Type(() => WelcomeAttachmentDto)
  attachments?: WelcomeAttachmentDto[];

  @ApiPropertyOptional({ type: [WelcomeVariantDto], description: 'A/B variants; when present they replace text/attachments' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => WelcomeVariantDto)
  variants?: WelcomeVariantDto[];

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class UpdateWelcomeRuleDto extends PartialType(CreateWelcomeRuleDto) {}
