import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TagJobsService } from '@scrm/core';
import { CurrentPrincipal, READERS, Roles, TenantId, type TenantPrincipal, WRITERS } from '@scrm/platform';
import { CreateTagJobDto } from './dto/create-tag-job.dto';
import { TagJobView } from './tag.views';

/** Bulk tagging: add or remove tags for a list of customers or an audience, as a resumable job. */
@ApiTags('tags')
@Controller('api/v1/tag-jobs')
export class TagJobsController {
  constructor(private readonly jobs: TagJobsService) {}

  @Post()
  @HttpCode(202)
  @Roles(...WRITERS)
  @ApiAcceptedResponse({ type: TagJobView, description: 'Queued; unknown customer refs are already counted as failed' })
  @ApiBadRequestResponse({ description: 'Names the field: add.0 unknown tag, customers over 10,000, audience rule invalid, …' })
  async create(@TenantId() tenantId: string, @CurrentPrincipal() p: TenantPrincipal, @Body() dto: CreateTagJobDto): Promise<TagJobView> {
    return TagJobView.of(await this.jobs.create(tenantId, p, dto, p.userId ?? p.tokenId));
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: TagJobView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<TagJobView> {
    return TagJobView.of(await this.jobs.get(tenantId, id));
  }
}
