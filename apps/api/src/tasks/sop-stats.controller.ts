import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RateRow, SopService, TaskRatesService } from '@scrm/core';
import { READERS, Roles, TenantId } from '@scrm/platform';

class RateView {
  @ApiProperty({ description: '-1 in the total' }) stepIndex: number;
  @ApiProperty({ description: '* in the per-step and overall totals' }) userId: string;
  @ApiProperty() tasks: number;
  @ApiProperty() tasksDone: number;
  @ApiProperty() targets: number;
  @ApiProperty() delivered: number;
  @ApiProperty() notFriend: number;
  @ApiProperty() quota: number;
  @ApiProperty() unsent: number;
  @ApiProperty({ description: 'tasks done / tasks' }) completionRate: number;
  @ApiProperty({ description: 'targets delivered / targets' }) deliveryRate: number;
}

class SopStatsView {
  @ApiProperty({ type: [RateView] }) byStepAndMember: RateRow[];
  @ApiProperty({ type: [RateView] }) byStep: RateRow[];
  @ApiProperty({ type: RateView }) total: RateRow;
}

@ApiTags('tasks')
@Controller('api/v1/sops/:id/stats')
export class SopStatsController {
  constructor(
    private readonly sops: SopService,
    private readonly rates: TaskRatesService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: SopStatsView })
  async stats(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SopStatsView> {
    await this.sops.get(tenantId, id);
    return this.rates.of(tenantId, id);
  }
}
