import { ApiProperty } from '@nestjs/swagger';
import type { SyncRun } from '@scrm/core';

class SyncCountsView {
  @ApiProperty() staff: number;
  @ApiProperty() tags: number;
  @ApiProperty() customers: number;
  @ApiProperty() relationships: number;
  @ApiProperty() groupChats: number;
  @ApiProperty({ required: false, description: 'relationships WeCom no longer lists, marked deleted' }) relationshipsGone?: number;
}

class SyncErrorView {
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: String }) phase: string | null;
  @ApiProperty() message: string;
}

/** A full sync's progress: phase, percent, counts so far and errors met. */
export class SyncRunView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['tenant_created', 'manual', 'nightly'] }) trigger: string;
  @ApiProperty({ enum: ['running', 'done', 'failed'] }) status: string;
  @ApiProperty({ enum: ['staff', 'tags', 'customers', 'group_chats', 'done'] }) phase: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty({ type: SyncCountsView }) counts: SyncCountsView;
  @ApiProperty({ type: [SyncErrorView] }) errors: SyncErrorView[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;

  static of(r: SyncRun): SyncRunView {
    return Object.assign(new SyncRunView(), {
      id: r.id,
      trigger: r.trigger,
      status: r.status,
      phase: r.phase,
      percent: r.percent,
      counts: r.counts,
      errors: r.errors,
      createdAt: r.createdAt,
      finishedAt: r.finishedAt,
    });
  }
}
