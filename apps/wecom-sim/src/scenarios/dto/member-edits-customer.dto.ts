import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { ContactPairDto } from './contact-pair.dto';

/** What a member can change on a customer in the WeCom app: remark, description, mobiles, tags. */
export class MemberEditsCustomerDto extends ContactPairDto {
  @ApiPropertyOptional() @IsOptional() @IsString() remark?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() description?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsString({ each: true }) remarkMobiles?: string[];
  @ApiPropertyOptional({ type: [String], description: 'corp tag ids' }) @IsOptional() @IsString({ each: true }) addTags?: string[];
  @ApiPropertyOptional({ type: [String], description: 'corp tag ids' }) @IsOptional() @IsString({ each: true }) removeTags?: string[];
}
