import { Controller, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { CorpState } from '../../state/corp-state';
import { Corp } from '../shared/corp.decorator';
import { WecomPost } from '../shared/wecom-post.decorator';
import { MediaService } from './media.service';

@Controller('cgi-bin/media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @WecomPost('upload')
  @UseInterceptors(FileInterceptor('media', { limits: { fileSize: 20 * 1024 * 1024 } }))
  upload(@Corp() corp: CorpState, @Query('type') type?: string, @UploadedFile() file?: { originalname: string; size: number }) {
    return this.media.upload(corp, type, file);
  }
}
