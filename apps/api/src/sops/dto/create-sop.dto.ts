import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { SopStepDto } from './sop-step.dto';
import { SopTriggerDto } from './sop-trigger.dto';

export class GroupFilterDto {
  @ApiPropertyOptional({ type: [String], description: 'Chats with any of these group tags (PUT /group-chats/{chatId}/tags)' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  tagIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Chats owned by any of these members' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @Length(1, 64, { each: true })
  owners?: string[];
}

export class CreateSopDto {
  @ApiProperty({ example: 'New customer onboarding' }) @IsString() @Length(1, 64)
  name: string;

  @ApiProperty({ enum: ['customer', 'group'] }) @IsIn(['customer', 'group'])
  target: 'customer' | 'group';

  @ApiProperty({ type: SopTriggerDto }) @ValidateNested() @Type(() => SopTriggerDto)
  trigger: SopTriggerDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'customer SOPs: an audience rule (the profile rule language)' })
  @IsOptional() @IsObject()
  audience?: Record<string, unknown>;

  @ApiPropertyOptional({ type: GroupFilterDto }) @IsOptional() @ValidateNested() @Type(() => GroupFilterDto)
  groupFilter?: GroupFilterDto;

  @ApiProperty({ type: [SopStepDto], minItems: 1, maxItems: 20 }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => SopStepDto)
  steps: SopStepDto[];
}

export class UpdateSopDto extends PartialType(OmitType(CreateSopDto, ['target'] as const)) {}
