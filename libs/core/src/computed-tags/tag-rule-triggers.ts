import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AppConfig, InjectRedis, JobName, JobQueue } from '@scrm/platform';
import Redis from 'ioredis';
import { Clock } from '../clock/clock';
import { localMoment } from '../clock/local-time';
import { EVENTS_INGESTED, EventsIngested } from '../profile/events/event-ingestion.service';
import { TenantService } from '../tenant/tenant.service';

/** Customers whose events arrived since the tenant's last incremental evaluation. */
export const pendingKey = (tenantId: string) => `tag-rules:pending:${tenantId}`;

/**
 * When rules are evaluated: incrementally for customers whose events arrived (their ids gather in a Redis set and
 * one debounced job per tenant and window evaluates them all), for a whole tenant when a rule is switched on or
 * changed, and nightly at TAG_RULES_NIGHTLY_HOUR tenant time (which is what moves time-driven tags like "dormant").
 * Losing the Redis set (a flush) delays those customers' tags to the nightly batch; Postgres keeps every event.
 */
@Injectable()
export class TagRuleTriggers {
  private readonly logger = new Logger(TagRuleTriggers.name);

  constructor(
    @InjectRedis() private readonly redis: Redis,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly tenants: TenantService,
  ) {}

  /** Awaited by the ingestion (emitAsync) so the job exists once the POST answers; a failure is logged, not thrown. */
  @OnEvent(EVENTS_INGESTED, { promisify: true })
  async onEventsIngested(e: EventsIngested): Promise<void> {
    try {
      await this.redis.sadd(pendingKey(e.tenantId), ...e.customerIds);
      await this.requestIncremental(e.tenantId);
    } catch (err) {
      this.logger.warn({ tenantId: e.tenantId, err: (err as Error).message }, 'could not request incremental tag evaluation; the nightly batch will');
    }
  }

  /** Every request in one window maps to one jobId, run when the window closes. */
  async requestIncremental(tenantId: string): Promise<void> {
    const window = this.config.env.TAG_RULES_DEBOUNCE_MS;
    const now = Date.now();
    const bucket = window > 0 ? Math.floor(now / window) : now;
    const delay = window > 0 ? (bucket + 1) * window - now : 0;
    await this.jobs.add(JobName.EvaluateTagRules, { tenantId }, { jobId: `tag-eval:${tenantId}:${bucket}`, delay, removeOnComplete: true });
  }

  /** One rule over the whole tenant; `version` (the rule's updatedAt) makes each change its own job. */
  async runRule(tenantId: string, ruleId: string, version: Date): Promise<void> {
    await this.jobs.add(JobName.RunTagRules, { tenantId, ruleId }, { jobId: `tag-rule:${ruleId}:${version.getTime()}` });
  }

  /** Hourly: tenants whose local hour is TAG_RULES_NIGHTLY_HOUR get their batch, once per local day. */
  async tick(): Promise<string[]> {
    const now = this.clock.now();
    const started: string[] = [];
    for (const t of await this.tenants.list()) {
      if (t.status !== 'active') continue;
      const local = localMoment(now, t.timezone);
      if (Math.floor(local.minutes / 60) !== this.config.env.TAG_RULES_NIGHTLY_HOUR) continue;
      await this.jobs.add(JobName.RunTagRules, { tenantId: t.id, ruleId: null }, { jobId: `tag-rules-nightly:${t.id}:${local.date}` });
      started.push(t.id);
    }
    return started;
  }
}
