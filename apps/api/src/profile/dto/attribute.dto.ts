import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ATTRIBUTE_TYPES, AttributeType } from '@scrm/core';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

/** Postgres text cannot hold a NUL. */
const NO_NUL = /^[^\u0000]*$/;

export class CreateAttributeDto {
  @ApiProperty({ example: 'membership_level', description: 'snake_case; unique; cannot change; not a WeCom field name' })
  @IsString() @Matches(/^[a-z][a-z0-9_]{0,63}$/, { message: 'key must be snake_case (a-z, 0-9, _), starting with a letter, at most 64' })
  key: string;

  @ApiProperty({ example: 'Membership level' }) @IsString() @Length(1, 128) @Matches(NO_NUL, { message: 'label must not contain NUL' })
  label: string;

  @ApiProperty({ enum: ATTRIBUTE_TYPES }) @IsIn(ATTRIBUTE_TYPES)
  type: AttributeType;

  @ApiPropertyOptional({ type: [String], description: 'Required for enum; ignored otherwise' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @Length(1, 128, { each: true })
  @Matches(NO_NUL, { each: true, message: 'allowedValues must not contain NUL' })
  allowedValues?: string[];
}

/** Label, type or allowed values; a type change (or dropping an allowed value) answers 409 while customers hold values. */
export class UpdateAttributeDto extends PartialType(OmitType(CreateAttributeDto, ['key'] as const)) {}

export class AttributeValuesDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { membership_level: 'gold', birthday: '1990-04-01', lifetime_value: 1200 },
    description: 'Attribute key → value of its type; null removes the value. WeCom fields are read-only.',
  })
  @IsObject()
  values: Record<string, unknown>;
}
