import { Process, Processor } from '@nestjs/bull';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { TagRuleRuns, TagRuleTriggers } from '@scrm/core';
import { JobName, JobPayloads, QueueName, RepeatableJobs } from '@scrm/platform';
import { Job } from 'bull';

@Processor(QueueName.ComputedTags)
export class ComputedTagsProcessor {
  constructor(
    private readonly runs: TagRuleRuns,
    private readonly triggers: TagRuleTriggers,
  ) {}

  @Process(JobName.EvaluateTagRules)
  incremental(job: Job<JobPayloads[JobName.EvaluateTagRules]>): Promise<{ customers: number }> {
    return this.runs.drainPending(job.data.tenantId);
  }

  @Process(JobName.RunTagRules)
  batch(job: Job<JobPayloads[JobName.RunTagRules]>): Promise<{ rules: number }> {
    return this.runs.runBatch(job.data.tenantId, job.data.ruleId);
  }

  @Process(JobName.TagRulesSchedule)
  async tick(): Promise<{ started: string[] }> {
    return { started: await this.triggers.tick() };
  }
}

/** Hourly: each tenant's nightly evaluation starts in the hour that is TAG_RULES_NIGHTLY_HOUR in its time zone. */
@Injectable()
export class ComputedTagsSchedule implements OnApplicationBootstrap {
  constructor(private readonly schedules: RepeatableJobs) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.schedule(JobName.TagRulesSchedule, {}, { cron: '0 * * * *' });
  }
}
