import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConfirmMassSendDto } from './dto/confirm-mass-send.dto';
import { MassSendScenarios } from './mass-send-scenarios.service';

@ApiTags('scenarios: mass send')
@Controller('sim/corps/:corpId/scenarios/mass-send')
export class MassSendScenariosController {
  constructor(private readonly scenarios: MassSendScenarios) {}

  @Post(':msgid/confirm')
  @ApiOperation({ summary: 'The member sends their part: per target 1 sent, 2 not a friend, 3 quota reached' })
  confirm(@Param('corpId') corpId: string, @Param('msgid') msgid: string, @Body() dto: ConfirmMassSendDto) {
    return this.scenarios.confirm(corpId, msgid, dto.userid);
  }
}
