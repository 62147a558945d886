import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TagRules } from '@scrm/core';
import { READERS, Roles, TenantId, WRITERS } from '@scrm/platform';
import { CreateTagRuleDto, DryRunDto, UpdateTagRuleDto } from './dto/tag-rule.dto';
import { DryRunView, TagRuleView } from './tag-rule.views';

/** Computed-tag rules: created off, dry-run, then switched on (evaluated at once, after events and nightly). */
@ApiTags('tag-rules')
@Controller('api/v1/tag-rules')
export class TagRulesController {
  constructor(private readonly rules: TagRules) {}

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: TagRuleView, description: 'Created disabled, with its tag group' })
  @ApiBadRequestResponse({ description: 'Names the field (definition.windowDays, definition.buckets.1.max, …)' })
  @ApiConflictResponse({ description: 'A rule with this name exists' })
  async create(@TenantId() tenantId: string, @Body() dto: CreateTagRuleDto): Promise<TagRuleView> {
    return TagRuleView.of(await this.rules.create(tenantId, dto));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [TagRuleView] })
  async list(@TenantId() tenantId: string): Promise<TagRuleView[]> {
    return (await this.rules.list(tenantId)).map(TagRuleView.of);
  }

  @Post('dry-run')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOkResponse({ type: DryRunView, description: 'How many customers the definition would tag now; nothing is written' })
  dryRun(@TenantId() tenantId: string, @Body() dto: DryRunDto): Promise<DryRunView> {
    return this.rules.dryRun(tenantId, dto.definition);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: TagRuleView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<TagRuleView> {
    return TagRuleView.of(await this.rules.get(tenantId, id));
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: TagRuleView, description: 'An enabled rule is evaluated again at once' })
  async update(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTagRuleDto): Promise<TagRuleView> {
    return TagRuleView.of(await this.rules.update(tenantId, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse({ description: 'Its tags leave every customer; the group and tags stay, marked deleted' })
  async remove(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.rules.remove(tenantId, id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: TagRuleView, description: 'Evaluated over every customer right away (in the worker)' })
  async enable(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<TagRuleView> {
    return TagRuleView.of(await this.rules.setEnabled(tenantId, id, true));
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: TagRuleView, description: 'Its tags leave every customer' })
  async disable(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<TagRuleView> {
    return TagRuleView.of(await this.rules.setEnabled(tenantId, id, false));
  }

  @Post(':id/dry-run')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOkResponse({ type: DryRunView })
  dryRunStored(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<DryRunView> {
    return this.rules.dryRunStored(tenantId, id);
  }
}
