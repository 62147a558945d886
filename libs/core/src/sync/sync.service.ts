import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { JobName, JobQueue, TenantRepository } from '@scrm/platform';
import { QueryFailedError, Repository } from 'typeorm';
import { SyncRun, SyncTrigger } from './sync-run.entity';

const UNIQUE_VIOLATION = '23505';

/** Starting full syncs and reading their progress. The work itself is SyncRunner's, in the worker. */
@Injectable()
export class SyncService {
  private readonly runs: TenantRepository<SyncRun>;

  constructor(
    @InjectRepository(SyncRun) repo: Repository<SyncRun>,
    private readonly jobs: JobQueue,
  ) {
    this.runs = new TenantRepository(repo, 'Sync run');
  }

  /** One running sync per tenant (a unique index says so): a second start is a 409. */
  async start(tenantId: string, trigger: SyncTrigger): Promise<SyncRun> {
    let run: SyncRun;
    try {
      run = await this.runs.save(this.runs.create(tenantId, { trigger }));
    } catch (err) {
      if (err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException('A sync is already running for this tenant');
      }
      throw err;
    }
    await this.enqueue(run);
    return run;
  }

  /** (Re-)enqueues a run; the job resumes from the run's checkpoint. */
  async enqueue(run: Pick<SyncRun, 'tenantId' | 'id'>): Promise<void> {
    await this.jobs.add(JobName.FullSync, { tenantId: run.tenantId, runId: run.id }, { jobId: run.id });
  }

  list(tenantId: string, limit = 50): Promise<SyncRun[]> {
    return this.runs.find(tenantId, { order: { createdAt: 'DESC' }, take: limit });
  }

  get(tenantId: string, id: string): Promise<SyncRun> {
    return this.runs.get(tenantId, { id });
  }
}
