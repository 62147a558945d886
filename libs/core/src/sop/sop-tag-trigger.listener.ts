import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { JobName, JobQueue } from '@scrm/platform';
import { DomainEvent, TagsAddedPayload } from '../events/domain-events';
import { SopEnrolments } from './sop-enrolments.service';

/** Customers per enrolment job: one INSERT chunk of SopEnrolments. */
const JOB_CUSTOMERS = 5_000;

/**
 * Local tags are written wherever the writer runs (the api for a marketer's tagging, the worker for computed tags
 * and bulk jobs), and SOP enrolment belongs to the worker: additions of tags some tag_added SOP listens to travel as
 * jobs. Tags nobody listens to cost one lookup of the tenant's active SOPs and nothing else.
 */
@Injectable()
export class SopTagTrigger {
  private readonly logger = new Logger(SopTagTrigger.name);

  constructor(
    private readonly enrolments: SopEnrolments,
    private readonly jobs: JobQueue,
  ) {}

  @OnEvent(DomainEvent.TagsAdded)
  async onTagsAdded({ tenantId, additions }: TagsAddedPayload): Promise<void> {
    try {
      const listened = await this.enrolments.listenedTags(tenantId);
      const byTag = new Map<string, string[]>();
      for (const a of additions) if (listened.has(a.tagId)) byTag.set(a.tagId, [...(byTag.get(a.tagId) ?? []), a.customerId]);
      const items = [...byTag].flatMap(([tagId, customerIds]) =>
        chunks(customerIds, JOB_CUSTOMERS).map((ids) => ({ payload: { tenantId, tagId, customerIds: ids } })),
      );
      if (items.length > 0) await this.jobs.addBulk(JobName.EnrolTaggedCustomers, items);
    } catch (err) {
      // The tags are stored; only the SOP enrolment is lost. Logged loudly: there is no outbox for this event.
      this.logger.error({ tenantId, error: (err as Error).message }, 'tag additions not handed to SOP enrolment');
    }
  }
}

function chunks<T>(xs: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));
}
