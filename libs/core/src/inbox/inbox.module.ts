import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantModule } from '../tenant/tenant.module';
import { CallbackIntake } from './callback-intake.service';
import { InboxAdminService } from './inbox-admin.service';
import { InboxEvent } from './inbox-event.entity';
import { InboxIntakeWriter } from './inbox-intake-writer';
import { InboxJobs } from './inbox-job';
import { InboxStore } from './inbox-store';
import { RejectionCounter } from './rejection-counter';

/** The inbox of WeCom callbacks: intake (api), the row life cycle (worker) and the admin view. */
@Module({
  imports: [TypeOrmModule.forFeature([InboxEvent]), TenantModule],
  providers: [CallbackIntake, InboxAdminService, InboxIntakeWriter, InboxJobs, InboxStore, RejectionCounter],
  exports: [CallbackIntake, InboxAdminService, InboxJobs, InboxStore, RejectionCounter],
})
export class InboxModule {}
