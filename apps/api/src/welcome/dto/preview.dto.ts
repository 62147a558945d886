import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class PreviewWelcomeDto {
  @ApiProperty({ description: 'The member who added the customer' }) @IsString() @Length(1, 64)
  userId: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  channelId?: string;

  @ApiPropertyOptional({ description: 'A real customer: their WeCom name fills {customer_name}' }) @IsOptional() @IsString() @Length(1, 64)
  externalUserId?: string;

  @ApiPropertyOptional({ description: 'Or just a name to fill {customer_name}' }) @IsOptional() @IsString() @Length(0, 64)
  customerName?: string;

  @ApiPropertyOptional({ description: 'The moment to judge time windows at; default now' }) @IsOptional() @IsDateString()
  at?: string;

  @ApiPropertyOptional({ description: 'Fixes the A/B dice (0 ≤ roll < 1) to see a given variant' }) @IsOptional() @IsNumber() @Min(0) @Max(0.999999)
  roll?: number;
}
