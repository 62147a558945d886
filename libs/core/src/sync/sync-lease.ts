import { DataSource } from 'typeorm';
import { SyncCheckpoint, SyncCounts, SyncPhase, SyncRun } from './sync-run.entity';

/**
 * A worker's hold on one sync run. Every write is conditional on still holding it, so a worker that lost
 * its lease (it stalled past SYNC_LEASE_SECONDS and another took over) stops instead of writing over the other.
 */
export class SyncLease {
  constructor(
    private readonly db: DataSource,
    private readonly tenantId: string,
    private readonly runId: string,
    private readonly owner: string,
    private readonly seconds: number,
  ) {}

  /** The run, when it is still running and nobody else holds a live lease on it. */
  async acquire(): Promise<SyncRun | null> {
    const [rows] = (await this.db.query(
      `UPDATE sync_runs SET lease_owner = $3, lease_until = now() + make_interval(secs => $4), updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status = 'running' AND (lease_until IS NULL OR lease_until < now() OR lease_owner = $3)
       RETURNING id`,
      [this.tenantId, this.runId, this.owner, this.seconds],
    )) as [unknown[], number];
    if (!rows.length) return null;
    return this.db.getRepository(SyncRun).findOneByOrFail({ tenantId: this.tenantId, id: this.runId });
  }

  async isOver(): Promise<boolean> {
    const [row] = await this.db.query(`SELECT status FROM sync_runs WHERE tenant_id = $1 AND id = $2`, [this.tenantId, this.runId]);
    return !row || row.status !== 'running';
  }

  /** Records progress and renews the lease; run.phase/checkpoint/percent follow what was written. */
  async checkpoint(run: SyncRun, phase: SyncPhase, checkpoint: SyncCheckpoint, percent: number): Promise<void> {
    await this.write(`phase = $4, checkpoint = $5, counts = $6, percent = $7, lease_until = now() + make_interval(secs => $8)`, [
      phase,
      JSON.stringify(checkpoint),
      JSON.stringify(run.counts),
      percent,
      this.seconds,
    ]);
    Object.assign(run, { phase, checkpoint, percent });
  }

  async noteError(phase: SyncPhase, message: string): Promise<void> {
    await this.write(`errors = errors || $4::jsonb`, [JSON.stringify([{ at: new Date().toISOString(), phase, message }])]);
  }

  async finish(counts: SyncCounts): Promise<void> {
    await this.write(`status = 'done', phase = 'done', percent = 100, counts = $4, finished_at = now(), lease_owner = NULL, lease_until = NULL`, [
      JSON.stringify(counts),
    ]);
  }

  private async write(set: string, params: unknown[]): Promise<void> {
    const [rows] = (await this.db.query(
      `UPDATE sync_runs SET ${set}, updated_at = now() WHERE tenant_id = $1 AND id = $2 AND lease_owner = $3 AND status = 'running'
       RETURNING id`,
      [this.tenantId, this.runId, this.owner, ...params],
    )) as [unknown[], number];
    if (!rows.length) throw new SyncLeaseLostError(this.runId);
  }
}

/** Another worker took the run over (or it was finished): this one must stop. Not retryable. */
export class SyncLeaseLostError extends Error {
  readonly retryable = false;
  constructor(runId: string) {
    super(`lost the lease on sync run ${runId}`);
  }
}

/**
 * Marks a run failed with its last error (after the job's last attempt, or a permanent error) — unless another
 * worker holds a live lease on it: a worker that lost the run (or found it busy) must not fail the holder's work.
 */
export async function failSyncRun(db: DataSource, tenantId: string, runId: string, owner: string, phase: SyncPhase | null, message: string): Promise<void> {
  await db.query(
    `UPDATE sync_runs SET status = 'failed', finished_at = now(), lease_owner = NULL, lease_until = NULL, updated_at = now(),
       errors = errors || $3::jsonb
     WHERE tenant_id = $1 AND id = $2 AND status = 'running'
       AND (lease_owner IS NULL OR lease_owner = $4 OR lease_until < now())`,
    [tenantId, runId, JSON.stringify([{ at: new Date().toISOString(), phase, message }]), owner],
  );
}
