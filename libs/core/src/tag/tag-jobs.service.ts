import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fieldError, JobName, JobQueue } from '@scrm/platform';
import { DataSource } from 'typeorm';
import { AUDIENCE_MATCHER, AudienceMatcher } from '../audience/audience-matcher.port';
import type { AudienceRule } from '../audience/audience-rule';
import { SavedAudiencesService } from '../audience/saved-audiences.service';
import { CustomerRefResolver, key, refFromPath } from '../profile/customer-ref';
import { CustomerTagging } from './customer-tagging.service';
import { TagJob, TagJobError } from './entities/tag-job.entity';
import { tagNotFound } from './tag.errors';
import { TagCaller } from './tag-input';

export const MAX_JOB_CUSTOMERS = 10_000;
/** Failures kept on the job for the marketer to read; the count is exact. */
export const MAX_JOB_ERRORS = 20;

export interface TagJobInput {
  add?: string[];
  remove?: string[];
  /** Our ids or external_userids (≤ MAX_JOB_CUSTOMERS). */
  customers?: string[];
  audience?: AudienceRule;
  audienceId?: string;
}

/** Bulk tagging jobs: created here (checked, counted, stored), run by TagJobRunner in the worker. */
@Injectable()
export class TagJobsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tagging: CustomerTagging,
    private readonly refs: CustomerRefResolver,
    private readonly jobs: JobQueue,
    private readonly saved: SavedAudiencesService,
    @Inject(AUDIENCE_MATCHER) private readonly matcher: AudienceMatcher,
  ) {}

  async create(tenantId: string, caller: TagCaller, input: TagJobInput, createdBy: string | null): Promise<TagJob> {
    const targets = [input.customers, input.audience, input.audienceId].filter((t) => t !== undefined).length;
    if (targets !== 1) throw fieldError('customers', 'give exactly one of customers, audience or audienceId');
    // Checked now so a job never fails later on a tag the caller could not use.
    await this.tagging.resolve(tenantId, caller, { add: (input.add ?? []).map((tagId) => ({ tagId })), remove: input.remove }, (i) => `add.${i}`);
    const row: Partial<TagJob> = { tenantId, addTagIds: input.add ?? [], removeTagIds: input.remove ?? [], createdBy };
    if (input.customers) Object.assign(row, await this.customers(tenantId, input.customers));
    else {
      // A saved audience's rule is copied: the job keeps to what the marketer saw when starting it.
      const audience = input.audience ?? (await this.savedAudience(tenantId, input.audienceId!));
      await this.matcher.validate(tenantId, audience, input.audience ? 'audience' : 'audienceId', { role: caller.role });
      Object.assign(row, { audience, audienceId: input.audienceId ?? null, total: await this.matcher.count(tenantId, audience) });
    }
    const job = await this.db.manager.save(TagJob, row);
    await this.enqueue(tenantId, job.id);
    return job;
  }

  async get(tenantId: string, id: string): Promise<TagJob> {
    const job = await this.db.manager.findOne(TagJob, { where: { tenantId, id } });
    if (!job) throw tagNotFound('Tag job');
    return job;
  }

  /** Re-queues unfinished jobs nobody advanced lately (Redis lost the queue, or a worker died with it). */
  async sweep(staleAfterSeconds: number): Promise<number> {
    const stale = (await this.db.query(
      `SELECT tenant_id, id FROM tag_jobs WHERE status IN ('queued', 'running') AND updated_at < now() - make_interval(secs => $1) ORDER BY updated_at LIMIT 1000`,
      [staleAfterSeconds],
    )) as Array<{ tenant_id: string; id: string }>;
    for (const j of stale) await this.enqueue(j.tenant_id, j.id);
    return stale.length;
  }

  /** jobId = the tag job's id: a job already queued or running is not queued twice. */
  enqueue(tenantId: string, tagJobId: string): Promise<unknown> {
    return this.jobs.add(JobName.RunTagJob, { tenantId, tagJobId }, { jobId: `tag-job:${tagJobId}` });
  }

  /** Unknown refs are failures of the job from the start, listed in its errors; the rest sorted for keyset paging. */
  private async customers(tenantId: string, refs: string[]): Promise<Partial<TagJob>> {
    if (refs.length > MAX_JOB_CUSTOMERS) throw fieldError('customers', `at most ${MAX_JOB_CUSTOMERS} customers; use an audience for more`);
    const parsed = refs.map((r) => refFromPath(r));
    const found = await this.refs.resolve(tenantId, parsed);
    const ids = [...new Set(parsed.map((r) => found.get(key(r))).filter((id): id is string => !!id))].sort();
    const unknown = parsed.filter((r) => !found.has(key(r)));
    const errors: TagJobError[] = unknown.slice(0, MAX_JOB_ERRORS).map((r) => ({ customerId: null, ref: r.value, error: 'no such customer' }));
    return { customerIds: ids, total: ids.length + unknown.length, failed: unknown.length, errors };
  }

  private async savedAudience(tenantId: string, audienceId: string): Promise<AudienceRule> {
    try {
      return (await this.saved.get(tenantId, audienceId)).rule;
    } catch (err) {
      if (err instanceof NotFoundException) throw fieldError('audienceId', `no saved audience ${audienceId}`);
      throw err;
    }
  }
}
