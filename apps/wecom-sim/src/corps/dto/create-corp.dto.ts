import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, IsNotEmpty, ValidateNested } from 'class-validator';
import { CallbackDto } from './callback.dto';
import { CorpOptionsDto } from './corp-options.dto';
import { CustomerDto } from './customer.dto';
import { GroupChatDto } from './group-chat.dto';
import { DepartmentDto, MemberDto } from './member.dto';
import { TagGroupDto } from './tag-group.dto';

export class CreateCorpDto {
  @ApiProperty({ example: 'ww1234567890abcdef' }) @IsString() @IsNotEmpty() corpId: string;
  @ApiProperty({ example: 'secret-1' }) @IsString() @IsNotEmpty() corpSecret: string;
  @ApiProperty({ example: 1000002 }) @IsInt() agentId: number;

  @ApiPropertyOptional({ type: CallbackDto }) @IsOptional() @ValidateNested() @Type(() => CallbackDto) callback?: CallbackDto;

  @ApiPropertyOptional({ type: [DepartmentDto], description: 'department 1 (the corp) always exists' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => DepartmentDto)
  departments?: DepartmentDto[];

  @ApiPropertyOptional({ type: [MemberDto] })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => MemberDto)
  members?: MemberDto[];

  @ApiPropertyOptional({ type: [TagGroupDto], description: 'created as if in the admin console' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => TagGroupDto)
  tags?: TagGroupDto[];

  @ApiPropertyOptional({ type: [CustomerDto] })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CustomerDto)
  customers?: CustomerDto[];

  @ApiPropertyOptional({ type: [GroupChatDto] })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => GroupChatDto)
  groupChats?: GroupChatDto[];

  @ApiPropertyOptional({ type: CorpOptionsDto }) @IsOptional() @ValidateNested() @Type(() => CorpOptionsDto) options?: CorpOptionsDto;
}
