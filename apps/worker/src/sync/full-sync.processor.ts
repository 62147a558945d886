import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { failSyncRun, SyncRunner } from '@scrm/core';
import { JobName, JobPayloads, QueueName } from '@scrm/platform';
import { Job } from 'bull';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';

/** Another worker holds the run: retry later (with backoff), by when its lease has run out or the run is over. */
class SyncRunBusyError extends Error {}

@Processor(QueueName.Sync)
export class FullSyncProcessor {
  private readonly logger = new Logger(FullSyncProcessor.name);
  private readonly owner = `${hostname()}:${process.pid}`;

  constructor(
    private readonly runner: SyncRunner,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  // Several tenants' syncs at once per worker: WeCom's limits are per corp, and the nightly hour is shared.
  @Process({ name: JobName.FullSync, concurrency: 4 })
  async handle(job: Job<JobPayloads[JobName.FullSync]>): Promise<string> {
    const { tenantId, runId } = job.data;
    try {
      const outcome = await this.runner.run(tenantId, runId, this.owner);
      if (outcome === 'busy') throw new SyncRunBusyError(`sync run ${runId} is held by another worker`);
      return outcome;
    } catch (err) {
      const e = err as Error & { retryable?: boolean };
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last || e.retryable === false) {
        // The run keeps its checkpoint: a new run starts over, but this one's failure is visible with its reason.
        await failSyncRun(this.db, tenantId, runId, this.owner, null, e.message);
        this.logger.error({ tenantId, runId, err: e.message }, 'full sync failed');
        return 'failed';
      }
      this.logger.warn({ tenantId, runId, attempt: job.attemptsMade + 1, err: e.message }, 'full sync interrupted; will resume');
      throw err;
    }
  }
}
