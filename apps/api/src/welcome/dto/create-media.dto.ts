import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

const TYPES = ['image', 'video', 'file'] as const;

/** The form fields beside the `media` file part of a multipart upload. */
export class CreateMediaDto {
  @ApiProperty({ enum: TYPES }) @IsIn(TYPES)
  type: (typeof TYPES)[number];
}

/** What multer hands over for the `media` part. */
export interface UploadedMediaFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
  size: number;
}

/** WeCom's largest media (video/file) is 20 MB (image 10 MB); it checks per type, we cap the request. */
export const MEDIA_MAX_BYTES = 20 * 1024 * 1024;
