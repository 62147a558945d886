import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { WelcomeAttachmentDto } from './welcome-attachment.dto';

export class WelcomeVariantDto {
  @ApiProperty({ example: 'B' }) @IsString() @Length(1, 64)
  name: string;

  @ApiProperty({ example: 50, description: 'Chance = weight / sum of weights' }) @IsInt() @Min(1) @Max(1000)
  weight: number;

  @ApiPropertyOptional({ description: 'Same variables as the rule text' }) @IsOptional() @IsString() @MaxLength(4000)
  text?: string;

  @ApiPropertyOptional({ type: [WelcomeAttachmentDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(9) @ValidateNested({ each: true }) @Type(() => WelcomeAttachmentDto)
  attachments?: WelcomeAttachmentDto[];
}
