import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AUDIENCE_MATCHER, AudienceMatcher } from '../audience/audience-matcher.port';
import { CustomerTagging, ResolvedTagChange } from './customer-tagging.service';
import { TagJob, TagJobError } from './entities/tag-job.entity';
import { MAX_JOB_ERRORS } from './tag-jobs.service';

/** Customers per batch: one keyset page, one checkpoint. Corp tags cost one mark_tag per relationship in it. */
export const TAG_JOB_BATCH = 200;

export interface RunOptions {
  batchSize?: number;
  /** Test seam: stop after this many batches, as a worker that crashed would (the job stays running). */
  maxBatches?: number;
}

/**
 * Runs a bulk tagging job batch by batch in customer id order. After each batch one UPDATE moves the checkpoint
 * (last customer id) and the counts, guarded by the checkpoint read: if another runner moved it meanwhile, this
 * one stops. A crash repeats at most one batch, harmlessly (mark_tag and the writes are idempotent).
 */
@Injectable()
export class TagJobRunner {
  private readonly logger = new Logger(TagJobRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tagging: CustomerTagging,
    @Inject(AUDIENCE_MATCHER) private readonly matcher: AudienceMatcher,
  ) {}

  async run(tenantId: string, id: string, options: RunOptions = {}): Promise<'done' | 'stopped' | 'skipped'> {
    let job = await this.db.manager.findOne(TagJob, { where: { tenantId, id } });
    if (!job || job.status === 'done' || job.status === 'failed') return 'skipped';
    if (job.status === 'queued') {
      await this.db.manager.update(TagJob, { tenantId, id, status: 'queued' }, { status: 'running' });
      job.status = 'running';
    }
    const change = await this.tagging.resolveStored(tenantId, job.addTagIds, job.removeTagIds);
    const size = options.batchSize ?? TAG_JOB_BATCH;
    for (let batch = 0; options.maxBatches === undefined || batch < options.maxBatches; batch++) {
      const customerIds = await this.page(job, size);
      if (customerIds.length === 0) {
        await this.finish(job);
        return 'done';
      }
      const next = await this.runBatch(job, customerIds, change);
      if (!next) return 'stopped';
      job = next;
    }
    return 'stopped';
  }

  /** Marks a job failed for good (its last attempt failed), keeping its progress. */
  async fail(tenantId: string, id: string, reason: string): Promise<void> {
    await this.db.query(
      `UPDATE tag_jobs SET status = 'failed', finished_at = now(), updated_at = now(),
         errors = CASE WHEN jsonb_array_length(errors) < $3 THEN errors || jsonb_build_array(jsonb_build_object('customerId', NULL, 'error', $4::text)) ELSE errors END
       WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running')`,
      [tenantId, id, MAX_JOB_ERRORS, reason.slice(0, 300)],
    );
  }

  private async runBatch(job: TagJob, customerIds: string[], change: ResolvedTagChange): Promise<TagJob | null> {
    const failures = await this.tagging.apply(job.tenantId, customerIds, change, 'bulk', job.id);
    const errors: TagJobError[] = [...job.errors, ...failures.map((f) => ({ customerId: f.customerId, error: f.error }))].slice(0, MAX_JOB_ERRORS);
    const last = customerIds[customerIds.length - 1];
    const [rows] = (await this.db.query(
      `UPDATE tag_jobs SET last_customer_id = $3, done = done + $4, failed = failed + $5, errors = $6::jsonb, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND status = 'running' AND last_customer_id IS NOT DISTINCT FROM $7 RETURNING *`,
      [job.tenantId, job.id, last, customerIds.length - failures.length, failures.length, JSON.stringify(errors), job.lastCustomerId],
    )) as [unknown[], number];
    if (rows.length === 0) {
      this.logger.warn({ tenantId: job.tenantId, tagJobId: job.id }, 'tag job moved on elsewhere; this runner stops');
      return null;
    }
    return Object.assign(job, { lastCustomerId: last, done: job.done + customerIds.length - failures.length, failed: job.failed + failures.length, errors });
  }

  private async page(job: TagJob, size: number): Promise<string[]> {
    if (job.customerIds) {
      const after = job.lastCustomerId;
      return job.customerIds.filter((id) => after === null || id > after).slice(0, size);
    }
    return this.matcher.page(job.tenantId, job.audience!, job.lastCustomerId, size);
  }

  /** An audience may change while the job runs: its final total is what was actually processed. */
  private async finish(job: TagJob): Promise<void> {
    await this.db.query(
      `UPDATE tag_jobs SET status = 'done', finished_at = now(), updated_at = now(), total = CASE WHEN customer_ids IS NULL THEN done + failed ELSE total END
        WHERE tenant_id = $1 AND id = $2 AND status = 'running'`,
      [job.tenantId, job.id],
    );
  }
}
