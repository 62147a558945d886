import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SopStep, Task, TaskDetail, TaskState } from '@scrm/core';

export class TaskView {
  @ApiProperty() id: string;
  @ApiProperty() sopId: string;
  @ApiProperty() sopVersion: number;
  @ApiProperty() stepIndex: number;
  @ApiProperty({ enum: ['mass_send', 'reminder'] }) delivery: string;
  @ApiProperty({ enum: ['customer', 'group'] }) targetKind: string;
  @ApiProperty({ description: 'The member (WeCom userid)' }) userId: string;
  @ApiProperty({ enum: ['pending', 'overdue', 'done'] }) state: TaskState;
  @ApiProperty({ enum: ['open', 'calling', 'sent', 'done', 'skipped', 'expired', 'failed'] }) status: string;
  @ApiProperty() windowAt: Date;
  @ApiProperty() dueBy: Date;
  @ApiProperty() targetCount: number;
  @ApiPropertyOptional({ nullable: true }) sentAt: Date | null;
  @ApiPropertyOptional({ nullable: true }) closedAt: Date | null;
  @ApiPropertyOptional({ nullable: true, description: 'Skip reason or failure' }) note: string | null;

  static of(t: Task, state: TaskState): TaskView {
    return Object.assign(new TaskView(), {
      id: t.id,
      sopId: t.sopId,
      sopVersion: t.sopVersion,
      stepIndex: t.stepIndex,
      delivery: t.delivery,
      targetKind: t.targetKind,
      userId: t.userId,
      state,
      status: t.status,
      windowAt: t.windowAt,
      dueBy: t.dueBy,
      targetCount: t.targetCount,
      sentAt: t.sentAt,
      closedAt: t.closedAt,
      note: t.note,
    });
  }
}

export class TaskTargetView {
  @ApiProperty({ description: 'external_userid or chat_id' }) wecomId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['pending', 'sent', 'not_friend', 'quota', 'unsent', 'failed'] }) status: string;
  @ApiPropertyOptional({ nullable: true }) sentAt: Date | null;
}

export class TaskDetailView extends TaskView {
  @ApiPropertyOptional({ nullable: true, description: 'The step text as written (variables unrendered)' }) text: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) attachments: SopStep['attachments'];
  @ApiProperty({ type: [TaskTargetView] }) targets: TaskTargetView[];

  static detail(d: TaskDetail): TaskDetailView {
    return Object.assign(new TaskDetailView(), TaskView.of(d.task, d.state), { text: d.step.text, attachments: d.step.attachments, targets: d.targets });
  }
}

export class TaskPageView {
  @ApiProperty({ type: [TaskView] }) items: TaskView[];
  @ApiProperty() total: number;
}
