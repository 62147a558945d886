import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { WelcomeRulesService } from '@scrm/core';
import { READERS, Roles, TenantId, WRITERS } from '@scrm/platform';
import { CreateWelcomeRuleDto, UpdateWelcomeRuleDto } from './dto/create-welcome-rule.dto';
import { RulesQuery } from './dto/outcomes.query';
import { toRuleInput } from './dto/to-rule-input';
import { WelcomeRuleView } from './welcome.views';

/** 欢迎语 rules: channel+member > channel > member > default; a matching time window beats an unrestricted rule. */
@ApiTags('welcome')
@Controller('api/v1/welcome/rules')
export class WelcomeRulesController {
  constructor(private readonly rules: WelcomeRulesService) {}

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: WelcomeRuleView })
  @ApiBadRequestResponse({ description: 'Names the field: attachments (≤9), text (≤4000 bytes), channelId, userId, attachments.N.mediaAssetId, …' })
  async create(@TenantId() tenantId: string, @Body() dto: CreateWelcomeRuleDto): Promise<WelcomeRuleView> {
    return WelcomeRuleView.of(await this.rules.create(tenantId, toRuleInput(dto)));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [WelcomeRuleView] })
  async list(@TenantId() tenantId: string, @Query() q: RulesQuery): Promise<WelcomeRuleView[]> {
    return (await this.rules.list(tenantId, q)).map(WelcomeRuleView.of);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: WelcomeRuleView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<WelcomeRuleView> {
    return WelcomeRuleView.of(await this.rules.get(tenantId, id));
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: WelcomeRuleView })
  async update(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateWelcomeRuleDto): Promise<WelcomeRuleView> {
    return WelcomeRuleView.of(await this.rules.update(tenantId, id, toRuleInput(dto)));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse()
  async remove(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rules.remove(tenantId, id);
  }
}
