import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobQueue } from './job-queue.service';
import { RepeatableJobs } from './repeatable-jobs.service';
import { RETRY_AFTER_BACKOFF, retryAfterBackoff } from './retry-after-backoff';
import { QueueName } from './queue-names';

const queues = Object.values(QueueName).map((name) => ({ name }));

/**
 * A crashed worker's active jobs come back after its lock lapses and the next stalled check sees it. Bull's
 * defaults (30 s + 30 s) would let a WelcomeCode (valid 20 s) die first; a live worker renews its lock every
 * lockDuration / 2, so shorter values only cost a few more Redis calls. Retries use RETRY_AFTER_BACKOFF where a
 * job's options ask for it, so a WeCom limit window is waited out instead of burning the attempts.
 */
const SETTINGS = { lockDuration: 10_000, stalledInterval: 5_000, backoffStrategies: { [RETRY_AFTER_BACKOFF]: retryAfterBackoff } };

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ redis: config.redis, prefix: `${config.env.REDIS_PREFIX}:bull`, settings: SETTINGS }),
    }),
    BullModule.registerQueue(...queues),
  ],
  providers: [JobQueue, RepeatableJobs],
  exports: [BullModule, JobQueue, RepeatableJobs],
})
export class QueueModule {}
