import { Body, Controller, Delete, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ConsoleTagCreateDto, ConsoleTagShuffleDto, ConsoleTagUpdateDto } from './dto/console-tag.dto';
import { TagScenarios } from './tag-scenarios.service';
import { waitFlag } from './wait-flag';

@ApiTags('scenarios: tags in the admin console')
@ApiQuery({ name: 'wait', required: false, description: 'true: answer after the first delivery attempt' })
@Controller('sim/corps/:corpId/scenarios/tags')
export class TagScenariosController {
  constructor(private readonly scenarios: TagScenarios) {}

  @Post()
  @ApiOperation({ summary: 'Create tags (new group → one tag_group create; existing group → one tag create per tag)' })
  create(@Param('corpId') corpId: string, @Body() dto: ConsoleTagCreateDto, @Query('wait') wait?: string) {
    return this.scenarios.create(corpId, dto, waitFlag(wait));
  }

  @Post('shuffle')
  @ApiOperation({ summary: 'Reorder → shuffle (no TagType; empty Id = all groups)' })
  shuffle(@Param('corpId') corpId: string, @Body() dto: ConsoleTagShuffleDto, @Query('wait') wait?: string) {
    return this.scenarios.shuffle(corpId, dto.groupId, waitFlag(wait));
  }

  @Post(':id/update')
  @ApiOperation({ summary: 'Rename / reorder a tag or group → update' })
  update(@Param('corpId') corpId: string, @Param('id') id: string, @Body() dto: ConsoleTagUpdateDto, @Query('wait') wait?: string) {
    return this.scenarios.update(corpId, id, dto, waitFlag(wait));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a tag or a whole group → one delete event (none per tag for a group)' })
  delete(@Param('corpId') corpId: string, @Param('id') id: string, @Query('wait') wait?: string) {
    return this.scenarios.delete(corpId, id, waitFlag(wait));
  }
}
