import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InboxAdminService } from '@scrm/core';
import { ADMINS, Roles, TenantId } from '@scrm/platform';
import { ListInboxQuery } from './dto/list-inbox.query';
import { ReplayInboxDto } from './dto/replay-inbox.dto';
import { InboxEventView, InboxPageView, ReplayResultView } from './inbox-event.view';

const INBOX_READERS = [...ADMINS, 'viewer' as const];

/** The tenant's received WeCom callbacks: what came in, what happened to it, and replay. */
@ApiTags('inbox')
@Controller('api/v1/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxAdminService) {}

  @Get()
  @Roles(...INBOX_READERS)
  @ApiOkResponse({ type: InboxPageView })
  async list(@TenantId() tenantId: string, @Query() q: ListInboxQuery): Promise<InboxPageView> {
    return InboxPageView.of(await this.inbox.list(tenantId, q, q.page, q.pageSize));
  }

  @Get(':id')
  @Roles(...INBOX_READERS)
  @ApiOkResponse({ type: InboxEventView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<InboxEventView> {
    return InboxEventView.of(await this.inbox.get(tenantId, id));
  }

  @Post('replay')
  @HttpCode(200)
  @Roles(...ADMINS)
  @ApiOkResponse({ type: ReplayResultView })
  replayMatching(@TenantId() tenantId: string, @Body() dto: ReplayInboxDto): Promise<ReplayResultView> {
    return this.inbox.replayMatching(tenantId, { ...dto, status: dto.status ?? 'failed' });
  }

  @Post(':id/replay')
  @HttpCode(200)
  @Roles(...ADMINS)
  @ApiOkResponse({ type: InboxEventView })
  async replay(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<InboxEventView> {
    return InboxEventView.of(await this.inbox.replay(tenantId, id));
  }
}
