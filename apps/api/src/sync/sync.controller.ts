import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SyncService } from '@scrm/core';
import { ADMINS, READERS, Roles, TenantId } from '@scrm/platform';
import { SyncRunView } from './sync-run.view';

@ApiTags('sync')
@Controller('api/v1/sync')
export class SyncController {
  constructor(private readonly syncs: SyncService) {}

  /** Starts a full sync of staff, tags, customers and group chats from WeCom. */
  @Post()
  @Roles(...ADMINS)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SyncRunView })
  @ApiConflictResponse({ description: 'A sync is already running for this tenant' })
  async start(@TenantId() tenantId: string): Promise<SyncRunView> {
    return SyncRunView.of(await this.syncs.start(tenantId, 'manual'));
  }

  @Get('runs')
  @Roles(...READERS)
  @ApiOkResponse({ type: [SyncRunView], description: 'the latest 50 runs, newest first' })
  async list(@TenantId() tenantId: string): Promise<SyncRunView[]> {
    return (await this.syncs.list(tenantId)).map(SyncRunView.of);
  }

  @Get('runs/:id')
  @Roles(...READERS)
  @ApiOkResponse({ type: SyncRunView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<SyncRunView> {
    return SyncRunView.of(await this.syncs.get(tenantId, id));
  }
}
