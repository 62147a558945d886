import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SimClock } from '../state/sim-clock';
import { ClockDto } from './clock.dto';

@ApiTags('clock')
@Controller('sim/clock')
export class ClockController {
  constructor(private readonly clock: SimClock) {}

  @Get()
  get() {
    return { now: this.clock.now(), offsetMs: this.clock.offset };
  }

  @Post()
  @ApiOperation({ summary: 'Move simulator time (welcome codes, tokens, media, OAuth codes, rate windows) without sleeping' })
  set(@Body() dto: ClockDto) {
    if (dto.now !== undefined) this.clock.setNow(dto.now);
    if (dto.offsetMs !== undefined) this.clock.setOffset(dto.offsetMs);
    if (dto.advanceMs !== undefined) this.clock.advance(dto.advanceMs);
    return this.get();
  }
}
