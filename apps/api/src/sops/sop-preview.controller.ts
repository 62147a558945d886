import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { SopPreviewService } from '@scrm/core';
import { READERS, Roles, TenantId } from '@scrm/platform';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

class PreviewQuery {
  @ApiPropertyOptional({ default: 7, minimum: 1, maximum: 90 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(90)
  days?: number;
}

class PreviewTargetView {
  @ApiProperty() wecomId: string;
  @ApiProperty() name: string;
}

class PreviewEntryView {
  @ApiProperty({ description: 'When it would go out (quiet hours applied)' }) at: Date;
  @ApiProperty() stepIndex: number;
  @ApiProperty({ enum: ['mass_send', 'reminder'] }) delivery: string;
  @ApiProperty() targets: number;
  @ApiProperty({ type: [PreviewTargetView] }) sample: PreviewTargetView[];
  @ApiPropertyOptional({ nullable: true, description: 'Scheduled SOPs: the firing' }) firing: Date | null;
}

class PreviewView {
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ type: [PreviewEntryView] }) entries: PreviewEntryView[];
}

@ApiTags('sops')
@Controller('api/v1/sops/:id/preview')
export class SopPreviewController {
  constructor(private readonly preview: SopPreviewService) {}

  /** Who would get which step when over the next `days`; nothing is sent. */
  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: PreviewView })
  get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string, @Query() q: PreviewQuery): Promise<PreviewView> {
    return this.preview.preview(tenantId, id, q.days ?? 7);
  }
}
