import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AudienceAnalysisService, AudienceQueryService, SavedAudiencesService } from '@scrm/core';
import { CurrentPrincipal, READERS, Roles, TenantId, TenantPrincipal, WRITERS } from '@scrm/platform';
import { Readable } from 'node:stream';
import { AudienceAnalysisView, AudienceCountView, AudiencePageView, AudienceSampleView, SavedAudienceView } from './audience.views';
import { AnalyseAudienceDto } from './dto/analyse-audience.dto';
import { AudienceRuleDto } from './dto/audience-rule.dto';
import { ListAudienceDto } from './dto/list-audience.dto';
import { SampleAudienceDto } from './dto/sample-audience.dto';
import { CreateAudienceDto, UpdateAudienceDto } from './dto/saved-audience.dto';

const BAD_RULE = { description: 'Names the offending JSON path, e.g. rule.and[1].tag (unknown or hidden tag, unknown attribute, bad op, too deep)' };

/** 人群圈选: rules over the tenant's reachable customers (at least one active relationship). */
@ApiTags('audiences')
@Controller('api/v1/audiences')
export class AudiencesController {
  constructor(
    private readonly query: AudienceQueryService,
    private readonly analysis: AudienceAnalysisService,
    private readonly saved: SavedAudiencesService,
  ) {}

  @Post('count')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOkResponse({ type: AudienceCountView })
  @ApiBadRequestResponse(BAD_RULE)
  count(@CurrentPrincipal() p: TenantPrincipal, @Body() dto: AudienceRuleDto): Promise<AudienceCountView> {
    return this.query.count(p, dto.rule);
  }

  @Post('sample')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOkResponse({ type: AudienceSampleView, description: 'n customers picked at random' })
  @ApiBadRequestResponse(BAD_RULE)
  sample(@CurrentPrincipal() p: TenantPrincipal, @Body() dto: SampleAudienceDto): Promise<AudienceSampleView> {
    return this.query.sample(p, dto.rule, dto.n ?? 10);
  }

  @Post('list')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOkResponse({ type: AudiencePageView, description: 'In id order, keyset paged' })
  @ApiBadRequestResponse(BAD_RULE)
  list(@CurrentPrincipal() p: TenantPrincipal, @Body() dto: ListAudienceDto): Promise<AudiencePageView> {
    return this.query.list(p, dto.rule, dto.cursor, dto.limit ?? 50);
  }

  @Post('export')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV: id, external_userid, name, gender, type, corp_name, position, first_seen_at, last_seen_at, then each attribute' })
  @ApiBadRequestResponse(BAD_RULE)
  async export(@CurrentPrincipal() p: TenantPrincipal, @Body() dto: AudienceRuleDto): Promise<StreamableFile> {
    const csv = await this.query.export(p, dto.rule);
    return new StreamableFile(Readable.from(csv), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="audience.csv"' });
  }

  @Post('analysis')
  @HttpCode(200)
  @Roles(...READERS)
  @ApiOkResponse({ type: AudienceAnalysisView, description: 'The audience over a dimension, beside all reachable customers' })
  @ApiBadRequestResponse({ description: `${BAD_RULE.description}; or dimension (unknown tag group, no lifecycle tags yet)` })
  analyse(@CurrentPrincipal() p: TenantPrincipal, @Body() dto: AnalyseAudienceDto): Promise<AudienceAnalysisView> {
    return this.analysis.analyse(p, dto.rule, dto.dimension);
  }

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: SavedAudienceView, description: 'Saved with its count' })
  @ApiBadRequestResponse(BAD_RULE)
  async create(@CurrentPrincipal() p: TenantPrincipal, @Body() dto: CreateAudienceDto): Promise<SavedAudienceView> {
    return SavedAudienceView.of(await this.saved.create(p, dto));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [SavedAudienceView] })
  async list_(@TenantId() tenantId: string): Promise<SavedAudienceView[]> {
    return (await this.saved.list(tenantId)).map(SavedAudienceView.of);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: SavedAudienceView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SavedAudienceView> {
    return SavedAudienceView.of(await this.saved.get(tenantId, id));
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: SavedAudienceView, description: 'A new rule is counted again' })
  @ApiBadRequestResponse(BAD_RULE)
  async update(@CurrentPrincipal() p: TenantPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAudienceDto): Promise<SavedAudienceView> {
    return SavedAudienceView.of(await this.saved.update(p, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...WRITERS)
  @ApiNoContentResponse()
  remove(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.saved.remove(tenantId, id);
  }

  @Post(':id/refresh')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: SavedAudienceView, description: 'Counted now' })
  async refresh(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SavedAudienceView> {
    return SavedAudienceView.of(await this.saved.refresh(tenantId, id));
  }
}
