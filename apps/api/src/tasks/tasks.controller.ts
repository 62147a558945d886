import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TaskReadService } from '@scrm/core';
import { READERS, Roles, TenantId } from '@scrm/platform';
import { TaskBoardQuery } from './dto/list-tasks.query';
import { TaskDetailView, TaskPageView, TaskView } from './task.view';

/** The task board: every member's SOP tasks, filtered by state, SOP, member, step and window. */
@ApiTags('tasks')
@Controller('api/v1/tasks')
export class TasksController {
  constructor(private readonly tasks: TaskReadService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: TaskPageView })
  async list(@TenantId() tenantId: string, @Query() q: TaskBoardQuery): Promise<TaskPageView> {
    const { items, total } = await this.tasks.list(tenantId, q);
    return { items: items.map((t) => TaskView.of(t, this.tasks.stateOf(t))), total };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: TaskDetailView })
  async get(@TenantId() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<TaskDetailView> {
    return TaskDetailView.detail(await this.tasks.get(tenantId, id));
  }
}
