import { Process, Processor } from '@nestjs/bull';
import { DeliveryOutcome, SopEnrolments, SopScheduler, TaskDelivery, TaskPoller, TenantService, TickResult } from '@scrm/core';
import { JobName, JobPayloads, QueueName } from '@scrm/platform';
import { Job } from 'bull';

@Processor(QueueName.Sop)
export class SopJobsProcessor {
  constructor(
    private readonly scheduler: SopScheduler,
    private readonly delivery: TaskDelivery,
    private readonly poller: TaskPoller,
    private readonly tenants: TenantService,
    private readonly enrolments: SopEnrolments,
  ) {}

  @Process(JobName.SopTick)
  tick(): Promise<TickResult> {
    return this.scheduler.tick();
  }

  @Process({ name: JobName.DeliverSopTask, concurrency: 4 })
  deliver(job: Job<JobPayloads[JobName.DeliverSopTask]>): Promise<DeliveryOutcome> {
    return this.delivery.deliver(job.data.tenantId, job.data.taskId);
  }

  @Process(JobName.EnrolTaggedCustomers)
  enrolTagged(job: Job<JobPayloads[JobName.EnrolTaggedCustomers]>): Promise<number> {
    return this.enrolments.onLocalTagAdded(job.data.tenantId, job.data.tagId, job.data.customerIds);
  }

  @Process(JobName.PollSopTasks)
  async poll(): Promise<{ polled: number; closed: number }> {
    const total = { polled: 0, closed: 0 };
    for (const tenant of await this.tenants.list()) {
      if (tenant.status !== 'active') continue;
      const r = await this.poller.pollTenant(tenant.id);
      total.polled += r.polled;
      total.closed += r.closed;
    }
    return total;
  }
}
