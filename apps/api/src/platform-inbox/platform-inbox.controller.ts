import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RejectionCounter } from '@scrm/core';
import { OperatorOnly } from '@scrm/platform';

class RejectionCountsView {
  @ApiProperty({
    description: 'refused callbacks since Redis last lost its data, by reason',
    example: { unknown_tenant: 3, bad_signature: 1, foreign_receive_id: 0, bad_xml: 2, too_large: 0 },
  })
  counts: Record<string, number>;
}

/** What the platform operator sees of refused callbacks across all tenants. */
@ApiTags('platform')
@OperatorOnly()
@Controller('api/v1/platform/inbox')
export class PlatformInboxController {
  constructor(private readonly rejections: RejectionCounter) {}

  @Get('rejections')
  @ApiOkResponse({ type: RejectionCountsView })
  async rejectionCounts(): Promise<RejectionCountsView> {
    return { counts: await this.rejections.read() };
  }
}
