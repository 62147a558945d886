import { Process, Processor } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CorpTagProjection, TagJobRunner, TagJobsService } from '@scrm/core';
import { JobName, JobPayloads, QueueName, RepeatableJobs } from '@scrm/platform';
import { Job } from 'bull';

/** A tag job nobody advanced for this long is re-queued (its Bull job was lost with Redis, or never ran). */
const STALE_AFTER_SECONDS = 120;

@Processor(QueueName.Tags)
export class TagJobsProcessor {
  private readonly logger = new Logger(TagJobsProcessor.name);

  constructor(
    private readonly runner: TagJobRunner,
    private readonly jobs: TagJobsService,
    private readonly projection: CorpTagProjection,
  ) {}

  @Process({ name: JobName.RunTagJob, concurrency: 2 })
  async run(job: Job<JobPayloads[JobName.RunTagJob]>): Promise<string> {
    const { tenantId, tagJobId } = job.data;
    try {
      return await this.runner.run(tenantId, tagJobId);
    } catch (err) {
      const e = err as Error & { retryable?: boolean };
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1) || e.retryable === false) {
        // Progress stays: the counts and the errors say how far it got and why it stopped.
        await this.runner.fail(tenantId, tagJobId, e.message);
        this.logger.error({ tenantId, tagJobId, err: e.message }, 'tag job failed');
        return 'failed';
      }
      throw err;
    }
  }

  @Process(JobName.SweepTagJobs)
  async sweep(): Promise<{ requeued: number }> {
    return { requeued: await this.jobs.sweep(STALE_AFTER_SECONDS) };
  }

  @Process(JobName.RebuildCorpTagProjection)
  async rebuild(job: Job<JobPayloads[JobName.RebuildCorpTagProjection]>): Promise<{ changed: number }> {
    return { changed: await this.projection.rebuild(job.data.tenantId) };
  }
}

@Injectable()
export class TagJobsSchedule implements OnApplicationBootstrap {
  constructor(private readonly schedules: RepeatableJobs) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedules.schedule(JobName.SweepTagJobs, {}, { cron: '* * * * *' });
  }
}
