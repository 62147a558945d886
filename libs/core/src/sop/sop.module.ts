import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaskModule } from '../task/task.module';
import { TenantModule } from '../tenant/tenant.module';
import { WelcomeModule } from '../welcome/welcome.module';
import { GroupChatTag } from './entities/group-chat-tag.entity';
import { SopDelivery } from './entities/sop-delivery.entity';
import { SopEnrolment } from './entities/sop-enrolment.entity';
import { SopVersion } from './entities/sop-version.entity';
import { Sop } from './entities/sop.entity';
import { GroupChatTagsService } from './group-chat-tags.service';
import { SopAudience } from './sop-audience';
import { SopClaims } from './sop-claims.service';
import { SopEnrolments } from './sop-enrolments.service';
import { SopFirings } from './sop-firings.service';
import { SopScheduler } from './sop-scheduler.service';
import { SopValidator } from './sop-validator';
import { SopService } from './sop.service';
import { SopPreviewService } from './sop-preview.service';
import { SopProfileSection } from './sop-profile.section';
import { SopTagTrigger } from './sop-tag-trigger.listener';

export const SOP_ENTITIES = [Sop, SopVersion, SopEnrolment, SopDelivery, GroupChatTag];

/** SOP definitions and versions, enrolments, scheduled firings and the scheduler that turns due steps into tasks. */
@Module({
  imports: [TypeOrmModule.forFeature(SOP_ENTITIES), TenantModule, TaskModule, WelcomeModule],
  providers: [GroupChatTagsService, SopService, SopValidator, SopAudience, SopEnrolments, SopFirings, SopClaims, SopScheduler, SopPreviewService, SopProfileSection, SopTagTrigger],
  exports: [TypeOrmModule, TaskModule, GroupChatTagsService, SopService, SopEnrolments, SopScheduler, SopAudience, SopPreviewService],
})
export class SopModule {}
