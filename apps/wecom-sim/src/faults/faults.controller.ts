import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrcodeFaultDto, LatencyFaultDto } from './dto/fault.dto';
import { FaultService } from './fault.service';

@ApiTags('faults')
@Controller('sim/faults')
export class FaultsController {
  constructor(private readonly faults: FaultService) {}

  @Post()
  @ApiOperation({ summary: 'The next N calls of an API answer this errcode' })
  addErrcode(@Body() dto: ErrcodeFaultDto) {
    return this.faults.addErrcode(dto);
  }

  @Post('latency')
  @ApiOperation({ summary: 'Calls (of an API, of a corp, or all) take this much longer' })
  addLatency(@Body() dto: LatencyFaultDto) {
    return this.faults.addLatency(dto);
  }

  @Get()
  list() {
    return this.faults.list();
  }

  @Delete()
  @ApiOperation({ summary: 'Remove every injected fault and latency' })
  clear() {
    this.faults.clear();
    return { cleared: true };
  }
}
