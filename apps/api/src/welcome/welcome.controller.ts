import { Body, Controller, Get, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBadGatewayResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { WelcomeMediaService, WelcomePreviewService, WelcomeSender } from '@scrm/core';
import { fieldError, READERS, Roles, TenantId, WRITERS } from '@scrm/platform';
import { CreateMediaDto, MEDIA_MAX_BYTES, UploadedMediaFile } from './dto/create-media.dto';
import { OutcomesQuery } from './dto/outcomes.query';
import { PreviewWelcomeDto } from './dto/preview.dto';
import { PreviewView, WelcomeMediaView, WelcomeOutcomeView } from './welcome.views';

/** Welcome media (uploaded ahead of time), the preview, and what each add was sent. */
@ApiTags('welcome')
@Controller('api/v1/welcome')
export class WelcomeController {
  constructor(
    private readonly media: WelcomeMediaService,
    private readonly previews: WelcomePreviewService,
    private readonly sender: WelcomeSender,
  ) {}

  @Post('media')
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: WelcomeMediaView, description: 'Uploaded to WeCom now, and again every 2 days' })
  @ApiBadGatewayResponse({ description: 'WeCom refused the upload' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['type', 'media'], properties: { type: { enum: ['image', 'video', 'file'] }, media: { type: 'string', format: 'binary' } } },
  })
  @UseInterceptors(FileInterceptor('media', { limits: { fileSize: MEDIA_MAX_BYTES, files: 1 } }))
  async upload(@TenantId() tenantId: string, @Body() dto: CreateMediaDto, @UploadedFile() file?: UploadedMediaFile): Promise<WelcomeMediaView> {
    if (!file?.size) throw fieldError('media', 'a non-empty file part named media is required');
    const input = { type: dto.type, filename: file.originalname.slice(0, 128), contentType: (file.mimetype || 'application/octet-stream').slice(0, 128), data: file.buffer };
    return WelcomeMediaView.of(await this.media.create(tenantId, input));
  }

  @Get('media')
  @Roles(...READERS)
  @ApiOkResponse({ type: [WelcomeMediaView] })
  async listMedia(@TenantId() tenantId: string): Promise<WelcomeMediaView[]> {
    return (await this.media.list(tenantId)).map(WelcomeMediaView.of);
  }

  @Post('preview')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOkResponse({ type: PreviewView, description: 'What this customer, member and moment would receive, and which rule matched and why' })
  preview(@TenantId() tenantId: string, @Body() dto: PreviewWelcomeDto): Promise<PreviewView> {
    return this.previews.preview(tenantId, dto);
  }

  @Get('outcomes')
  @Roles(...READERS)
  @ApiOkResponse({ type: [WelcomeOutcomeView], description: 'Latest 200 welcome outcomes, newest first' })
  async outcomes(@TenantId() tenantId: string, @Query() q: OutcomesQuery): Promise<WelcomeOutcomeView[]> {
    return (await this.sender.listOutcomes(tenantId, q)).map(WelcomeOutcomeView.of);
  }
}
