import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SopService } from '@scrm/core';
import { READERS, Roles, TenantId, WRITERS } from '@scrm/platform';
import { CreateSopDto, UpdateSopDto } from './dto/create-sop.dto';
import { ListSopsQuery } from './dto/list-sops.query';
import { toSopInput } from './dto/to-sop-input';
import { SopView } from './sop.view';

/**
 * SOPs: draft → active ⇄ paused → archived. Editing adds a version: running enrolments keep theirs, new ones take
 * the new version. Pausing holds every enrolment's due steps; on resume, steps that came due meanwhile go out at the
 * next tick. Archiving ends every enrolment.
 */
@ApiTags('sops')
@Controller('api/v1/sops')
export class SopsController {
  constructor(private readonly sops: SopService) {}

  @Post()
  @Roles(...WRITERS)
  @ApiCreatedResponse({ type: SopView })
  @ApiBadRequestResponse({ description: 'Names the field: steps (none), steps.N.offset.amount (< 0), trigger.tagId (unknown), trigger.expression (never fires), audience…' })
  async create(@TenantId() tenantId: string, @Body() dto: CreateSopDto): Promise<SopView> {
    return SopView.of(await this.sops.create(tenantId, toSopInput(dto)));
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [SopView] })
  async list(@TenantId() tenantId: string, @Query() q: ListSopsQuery): Promise<SopView[]> {
    return (await this.sops.list(tenantId, q)).map(SopView.of);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: SopView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SopView> {
    return SopView.of(await this.sops.get(tenantId, id));
  }

  @Patch(':id')
  @Roles(...WRITERS)
  @ApiOkResponse({ type: SopView })
  @ApiConflictResponse({ description: 'Archived' })
  async update(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSopDto): Promise<SopView> {
    return SopView.of(await this.sops.update(tenantId, id, toSopInput(dto)));
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: SopView })
  @ApiConflictResponse({ description: 'Not a draft' })
  async activate(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SopView> {
    return SopView.of(await this.sops.move(tenantId, id, 'activate'));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: SopView })
  @ApiConflictResponse({ description: 'Not active' })
  async pause(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SopView> {
    return SopView.of(await this.sops.move(tenantId, id, 'pause'));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: SopView })
  @ApiConflictResponse({ description: 'Not paused' })
  async resume(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SopView> {
    return SopView.of(await this.sops.move(tenantId, id, 'resume'));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOkResponse({ type: SopView })
  @ApiConflictResponse({ description: 'Already archived' })
  async archive(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SopView> {
    return SopView.of(await this.sops.move(tenantId, id, 'archive'));
  }
}
