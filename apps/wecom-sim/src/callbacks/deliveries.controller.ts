import { Controller, Get, NotFoundException, Param, ParseIntPipe, Post, Query, DefaultValuePipe } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CorpStore } from '../state/corp-store';
import { Deliverer } from './deliverer.service';

@ApiTags('deliveries')
@Controller('sim/corps/:corpId/deliveries')
export class DeliveriesController {
  constructor(
    private readonly store: CorpStore,
    private readonly deliverer: Deliverer,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every callback: event xml, attempts (status, latency, timestamp, nonce), outcome' })
  list(@Param('corpId') corpId: string) {
    return this.store.get(corpId).deliveries;
  }

  @Get(':id')
  get(@Param('corpId') corpId: string, @Param('id') id: string) {
    const delivery = this.store.get(corpId).deliveries.find((d) => d.id === id);
    if (!delivery) throw new NotFoundException(`no delivery ${id}`);
    return delivery;
  }

  @Post(':id/redeliver')
  @ApiQuery({ name: 'times', required: false, description: 'how many more times (default 1)' })
  @ApiOperation({ summary: "Send the same event again, as WeCom's retries would (for dedupe tests)" })
  redeliver(@Param('corpId') corpId: string, @Param('id') id: string, @Query('times', new DefaultValuePipe(1), ParseIntPipe) times: number) {
    return this.deliverer.redeliver(this.store.get(corpId), id, Math.min(Math.max(times, 1), 100));
  }
}
