import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, ValidateNested } from 'class-validator';
import { CustomerProfileDto } from '../../corps/dto/customer.dto';

export class ScanDto {
  @ApiProperty({ description: 'config_id of the contact way scanned' }) @IsString() configId: string;
  @ApiPropertyOptional({ description: 'an existing customer, or the id to give a new one (generated when absent)' })
  @IsOptional()
  @IsString()
  externalUserId?: string;
  @ApiPropertyOptional({ type: CustomerProfileDto, description: 'profile of a new customer' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerProfileDto)
  customer?: CustomerProfileDto;
  @ApiPropertyOptional({ description: 'simulator only: force which member of the way gets the customer (default: random)' })
  @IsOptional()
  @IsString()
  userId?: string;
  @ApiPropertyOptional({ description: 'send add_half_external_contact (member has skip-verify, not yet accepted)' })
  @IsOptional()
  @IsBoolean()
  half?: boolean;
  @ApiPropertyOptional({ description: 'the customer starts chatting before the welcome: send_welcome_msg answers 41051' })
  @IsOptional()
  @IsBoolean()
  alreadyChatting?: boolean;
  @ApiPropertyOptional({ description: 'no WelcomeCode in the event (already chatted before / console welcome configured)' })
  @IsOptional()
  @IsBoolean()
  noWelcomeCode?: boolean;
}
