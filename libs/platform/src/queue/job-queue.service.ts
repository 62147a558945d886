import { getQueueToken } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, JobOptions, Queue } from 'bull';
import { JOB_CATALOGUE, JobName, JobPayloads } from './job-catalogue';

/**
 * The one way to enqueue: the job name picks its queue and retry policy from the catalogue.
 * Callers pass a deterministic jobId wherever a retry or a second producer could enqueue the same work.
 */
@Injectable()
export class JobQueue {
  constructor(private readonly moduleRef: ModuleRef) {}

  add<J extends JobName>(name: J, payload: JobPayloads[J], options: JobOptions = {}): Promise<Job<JobPayloads[J]>> {
    const entry = JOB_CATALOGUE[name];
    return this.queue(name).add(name, payload, { ...entry.options, ...options });
  }

  addBulk<J extends JobName>(name: J, items: { payload: JobPayloads[J]; options?: JobOptions }[]): Promise<Job[]> {
    const entry = JOB_CATALOGUE[name];
    // Object.assign, not `{ ...a, ...b }`: in this V8 (Node 20.20) a spread followed by more properties takes a slow
    // path (several µs a job), and intake queues a job for every callback.
    return this.queue(name).addBulk(items.map((i) => ({ name, data: i.payload, opts: Object.assign({}, entry.options, i.options) })));
  }

  queue(name: JobName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(JOB_CATALOGUE[name].queue), { strict: false });
  }
}
