import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';

const TYPES = ['image', 'link', 'miniprogram', 'video', 'file'] as const;
type AttachmentType = (typeof TYPES)[number];
const is = (...types: AttachmentType[]) => (o: WelcomeAttachmentDto) => types.includes(o.type);

/** One attachment; which fields are required depends on `type`. Media come from POST /api/v1/welcome/media. */
export class WelcomeAttachmentDto {
  @ApiProperty({ enum: TYPES }) @IsIn(TYPES)
  type: AttachmentType;

  @ApiPropertyOptional({ description: 'image (unless picUrl), video, file: an uploaded media asset id' })
  @ValidateIf((o: WelcomeAttachmentDto) => is('video', 'file')(o) || (o.type === 'image' && !o.picUrl)) @IsUUID()
  mediaAssetId?: string;

  @ApiPropertyOptional({ description: 'image: a picture URL instead of an asset; link: its thumbnail' })
  @ValidateIf((o: WelcomeAttachmentDto) => (o.type === 'image' && !o.mediaAssetId) || (o.type === 'link' && o.picUrl !== undefined))
  @IsUrl({ require_protocol: true }) @MaxLength(2048)
  picUrl?: string;

  @ApiPropertyOptional({ description: 'link, miniprogram' }) @ValidateIf(is('link', 'miniprogram')) @IsString() @Length(1, 128)
  title?: string;

  @ApiPropertyOptional({ description: 'link' }) @ValidateIf(is('link')) @IsUrl({ require_protocol: true }) @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ description: 'link' }) @IsOptional() @IsString() @MaxLength(512)
  desc?: string;

  @ApiPropertyOptional({ description: 'miniprogram' }) @ValidateIf(is('miniprogram')) @IsString() @Length(1, 64)
  appId?: string;

  @ApiPropertyOptional({ description: 'miniprogram page path' }) @ValidateIf(is('miniprogram')) @IsString() @Length(1, 256)
  page?: string;

  @ApiPropertyOptional({ description: 'miniprogram cover: an uploaded image asset id' }) @ValidateIf(is('miniprogram')) @IsUUID()
  picMediaAssetId?: string;
}
