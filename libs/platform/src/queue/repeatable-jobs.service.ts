import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { JobOptions, Queue } from 'bull';
import { JobName, JobPayloads } from './job-catalogue';
import { JobQueue } from './job-queue.service';

type Repeat = NonNullable<JobOptions['repeat']>;
type Schedule = { name: JobName; payload: unknown; repeat: Repeat };

/** How often every schedule is registered again (covers a FLUSHALL that no reconnect announces). */
const REFRESH_MS = 60_000;

/**
 * Repeatable jobs (sweepers, nightly syncs) exist only in Redis, and Redis here keeps nothing on disk: after a
 * flush or a restart no schedule would fire until a worker restarted. So schedules are registered through this
 * service, which registers them again whenever a queue's connection comes back and every minute. Bull keys a
 * schedule by name and repeat rule, so registering an existing one changes nothing.
 */
@Injectable()
export class RepeatableJobs implements OnModuleDestroy {
  private readonly logger = new Logger(RepeatableJobs.name);
  private readonly schedules: Schedule[] = [];
  private readonly watched = new Set<Queue>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly jobs: JobQueue) {}

  async schedule<J extends JobName>(name: J, payload: JobPayloads[J], repeat: Repeat): Promise<void> {
    const schedule = { name, payload, repeat };
    this.schedules.push(schedule);
    await this.register(schedule);
    const queue = this.jobs.queue(name);
    if (!this.watched.has(queue)) {
      this.watched.add(queue);
      queue.client.on('ready', () => void this.registerAll(queue));
    }
    this.timer ??= setInterval(() => void this.registerAll(), REFRESH_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async registerAll(queue?: Queue): Promise<void> {
    for (const s of this.schedules) {
      if (queue && this.jobs.queue(s.name) !== queue) continue;
      await this.register(s).catch((err: Error) => this.logger.warn({ job: s.name, error: err.message }, 'could not re-register a schedule'));
    }
  }

  private register(s: Schedule): Promise<unknown> {
    return this.jobs.add(s.name, s.payload as JobPayloads[JobName], { repeat: s.repeat, jobId: s.name });
  }
}
