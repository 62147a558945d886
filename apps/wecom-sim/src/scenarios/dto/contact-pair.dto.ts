import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';

export class ContactPairDto {
  @ApiProperty() @IsString() userId: string;
  @ApiProperty() @IsString() externalUserId: string;
}

export class MemberDeletesCustomerDto extends ContactPairDto {
  @ApiPropertyOptional({ description: 'Source=DELETE_BY_TRANSFER (removed by a staff transfer)' }) @IsOptional() @IsBoolean() byTransfer?: boolean;
}

export class TransferFailDto extends ContactPairDto {
  @ApiProperty({ enum: ['customer_refused', 'customer_limit_exceed'] })
  @IsIn(['customer_refused', 'customer_limit_exceed'])
  reason: 'customer_refused' | 'customer_limit_exceed';
}
