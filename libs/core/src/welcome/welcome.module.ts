import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelModule } from '../channel/channel.module';
import { ClockModule } from '../clock/clock.module';
import { CONTACT_ADD_FIRST_STEP } from '../inbox/contact-add-first-step';
import { TenantModule } from '../tenant/tenant.module';
import { WeComModule } from '../wecom/wecom.module';
import { WelcomeComposer } from './welcome-composer.service';
import { WelcomeMedia } from './welcome-media.entity';
import { WelcomeMediaService } from './welcome-media.service';
import { WelcomeOutcome } from './welcome-outcome.entity';
import { WelcomePreviewService } from './welcome-preview.service';
import { WelcomeRule } from './welcome-rule.entity';
import { WelcomeRulesService } from './welcome-rules.service';
import { WelcomeSender } from './welcome-sender.service';

/** 欢迎语. Global because it provides CONTACT_ADD_FIRST_STEP to whichever module handles adds. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([WelcomeRule, WelcomeMedia, WelcomeOutcome]), ChannelModule, TenantModule, WeComModule, ClockModule],
  providers: [WelcomeMediaService, WelcomeRulesService, WelcomeComposer, WelcomeSender, WelcomePreviewService, { provide: CONTACT_ADD_FIRST_STEP, useExisting: WelcomeSender }],
  exports: [WelcomeMediaService, WelcomeRulesService, WelcomeComposer, WelcomeSender, WelcomePreviewService, CONTACT_ADD_FIRST_STEP],
})
export class WelcomeModule {}
