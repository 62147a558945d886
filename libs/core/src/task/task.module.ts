import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { SopVersion } from '../sop/entities/sop-version.entity';
import { WelcomeModule } from '../welcome/welcome.module';
import { WeComModule } from '../wecom/wecom.module';
import { TaskTarget } from './entities/task-target.entity';
import { Task } from './entities/task.entity';
import { TaskContentService } from './task-content.service';
import { TaskDelivery } from './task-delivery.service';
import { TaskPoller } from './task-poller.service';
import { TaskRatesService } from './task-rates.service';
import { TaskReadService } from './task-read.service';
import { StaffSignInService } from './staff-sign-in.service';
import { TaskWriter } from './task-writer';

export const TASK_ENTITIES = [Task, TaskTarget];

/** Staff tasks: their targets, the one WeCom call each makes, and reading back what WeCom delivered. */
@Module({
  imports: [TypeOrmModule.forFeature([...TASK_ENTITIES, SopVersion]), WelcomeModule, WeComModule, AccessModule],
  providers: [TaskWriter, TaskContentService, TaskDelivery, TaskPoller, TaskReadService, TaskRatesService, StaffSignInService],
  exports: [TypeOrmModule, TaskWriter, TaskContentService, TaskDelivery, TaskPoller, TaskReadService, TaskRatesService, StaffSignInService],
})
export class TaskModule {}
