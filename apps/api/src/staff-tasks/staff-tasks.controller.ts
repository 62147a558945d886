import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TaskReadService } from '@scrm/core';
import { CurrentPrincipal, Roles, TenantPrincipal } from '@scrm/platform';
import { StaffTasksQuery } from '../tasks/dto/list-tasks.query';
import { TaskDetailView, TaskPageView, TaskView } from '../tasks/task.view';
import { DoneTaskDto, SkipTaskDto } from './dto/close-task.dto';

/** A member's own tasks (the staff token carries their WeCom userid); another member's task answers 404. */
@ApiTags('staff tasks')
@Controller('api/v1/staff/tasks')
export class StaffTasksController {
  constructor(private readonly tasks: TaskReadService) {}

  @Get()
  @Roles('staff')
  @ApiOkResponse({ type: TaskPageView })
  async list(@CurrentPrincipal() p: TenantPrincipal, @Query() q: StaffTasksQuery): Promise<TaskPageView> {
    if (!p.staffUserId) return { items: [], total: 0 };
    const { items, total } = await this.tasks.list(p.tenantId, { ...q, userId: p.staffUserId });
    return { items: items.map((t) => TaskView.of(t, this.tasks.stateOf(t))), total };
  }

  @Get(':id')
  @Roles('staff')
  @ApiOkResponse({ type: TaskDetailView })
  async get(@CurrentPrincipal() p: TenantPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDetailView> {
    return TaskDetailView.detail(await this.tasks.get(p.tenantId, id, staffOf(p)));
  }

  @Post(':id/done')
  @HttpCode(200)
  @Roles('staff')
  @ApiOkResponse({ type: TaskDetailView })
  @ApiConflictResponse({ description: 'Already closed, or a mass send (done when WeCom reports it sent)' })
  async done(@CurrentPrincipal() p: TenantPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DoneTaskDto): Promise<TaskDetailView> {
    return TaskDetailView.detail(await this.tasks.close(p.tenantId, staffOf(p), id, 'done', dto.reason ?? null));
  }

  @Post(':id/skip')
  @HttpCode(200)
  @Roles('staff')
  @ApiOkResponse({ type: TaskDetailView })
  @ApiConflictResponse({ description: 'Already closed' })
  async skip(@CurrentPrincipal() p: TenantPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SkipTaskDto): Promise<TaskDetailView> {
    return TaskDetailView.detail(await this.tasks.close(p.tenantId, staffOf(p), id, 'skipped', dto.reason));
  }
}

/** A staff token without a WeCom userid (a staff user not linked to a member) has no tasks. */
function staffOf(p: TenantPrincipal): string {
  if (!p.staffUserId) throw new NotFoundException('Task not found');
  return p.staffUserId;
}
