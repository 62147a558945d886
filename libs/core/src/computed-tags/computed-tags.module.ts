import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../clock/clock.module';
import { ProfileModule } from '../profile/profile.module';
import { TenantModule } from '../tenant/tenant.module';
import { TagRuleEvaluator } from './tag-rule-evaluator';
import { TagRuleRuns } from './tag-rule-runs';
import { TagRuleTriggers } from './tag-rule-triggers';
import { TagRule } from './tag-rule.entity';
import { TagRules } from './tag-rules.service';

/** Computed tags: rules over events and attributes, evaluated incrementally, on change and nightly. */
@Module({
  imports: [TypeOrmModule.forFeature([TagRule]), ProfileModule, ClockModule, TenantModule],
  providers: [TagRules, TagRuleEvaluator, TagRuleTriggers, TagRuleRuns],
  exports: [TagRules, TagRuleEvaluator, TagRuleTriggers, TagRuleRuns],
})
export class ComputedTagsModule {}
