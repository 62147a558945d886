import { JobOptions } from 'bull';
import { QueueName } from './queue-names';
import { retryAfter } from './retry-after-backoff';

/** Every job of the system, with its queue, payload and retry policy (STYLE §4). */
export enum JobName {
  PurgeExpiredTokens = 'purge-expired-tokens',
  // intake
  ProcessInboxEvent = 'process-inbox-event',
  FinishInboxEvent = 'finish-inbox-event',
  SweepInbox = 'sweep-inbox',
  // events
  FullSync = 'full-sync',
  SyncSchedule = 'sync-schedule',
  // channels + welcome
  SyncChannelRoster = 'sync-channel-roster',
  ChannelRosterTick = 'channel-roster-tick',
  ApplyChannelTags = 'apply-channel-tags',
  RefreshWelcomeMedia = 'refresh-welcome-media',
  // SOP engine and staff tasks
  SopTick = 'sop-tick',
  DeliverSopTask = 'deliver-sop-task',
  PollSopTasks = 'poll-sop-tasks',
  EnrolTaggedCustomers = 'enrol-tagged-customers',
  // computed tags
  EvaluateTagRules = 'evaluate-tag-rules',
  RunTagRules = 'run-tag-rules',
  TagRulesSchedule = 'tag-rules-schedule',
  // tags
  RunTagJob = 'run-tag-job',
  SweepTagJobs = 'sweep-tag-jobs',
  RebuildCorpTagProjection = 'rebuild-corp-tag-projection',
  // audiences
  RefreshAudienceCounts = 'refresh-audience-counts',
}

export interface JobPayloads {
  [JobName.PurgeExpiredTokens]: Record<string, never>;
  // intake
  [JobName.ProcessInboxEvent]: { tenantId: string; inboxId: string };
  /** carry: what the event's first step handed over (JSON), e.g. the add's externalcontact/get answer. */
  [JobName.FinishInboxEvent]: { tenantId: string; inboxId: string; carry: unknown };
  [JobName.SweepInbox]: Record<string, never>;
  // events
  [JobName.FullSync]: { tenantId: string; runId: string };
  [JobName.SyncSchedule]: Record<string, never>;
  // channels + welcome
  [JobName.SyncChannelRoster]: { tenantId: string; channelId: string };
  [JobName.ChannelRosterTick]: Record<string, never>;
  [JobName.ApplyChannelTags]: { tenantId: string; channelId: string; userId: string; externalUserId: string };
  [JobName.RefreshWelcomeMedia]: Record<string, never>;
  // SOP engine and staff tasks
  [JobName.SopTick]: Record<string, never>;
  [JobName.DeliverSopTask]: { tenantId: string; taskId: string };
  [JobName.PollSopTasks]: Record<string, never>;
  /** Customers (customers.id) who gained a local tag that a tag_added SOP listens to. */
  [JobName.EnrolTaggedCustomers]: { tenantId: string; tagId: string; customerIds: string[] };
  // computed tags
  /** Customers come from the tenant's pending set in Redis (many requests, one job). */
  [JobName.EvaluateTagRules]: { tenantId: string };
  /** ruleId null = every enabled rule (the nightly batch). */
  [JobName.RunTagRules]: { tenantId: string; ruleId: string | null };
  [JobName.TagRulesSchedule]: Record<string, never>;
  // tags
  [JobName.RunTagJob]: { tenantId: string; tagJobId: string };
  [JobName.SweepTagJobs]: Record<string, never>;
  [JobName.RebuildCorpTagProjection]: { tenantId: string };
  // audiences
  [JobName.RefreshAudienceCounts]: Record<string, never>;
}

export const RETRY = {
  /** Work that talks to WeCom: ride out a busy minute. */
  wecom: { attempts: 8, backoff: retryAfter(2_000) },
  /** Local work: a few quick tries, then the row records the failure. */
  local: { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
} satisfies Record<string, JobOptions>;

const KEEP = { removeOnComplete: 1_000, removeOnFail: 5_000 } satisfies JobOptions;

export const JOB_CATALOGUE: Record<JobName, { queue: QueueName; options: JobOptions }> = {
  [JobName.PurgeExpiredTokens]: { queue: QueueName.Maintenance, options: { ...RETRY.local, ...KEEP } },
  // intake: InboxJobs sets attempts/backoff from config and removes finished jobs (the row keeps the outcome)
  [JobName.ProcessInboxEvent]: { queue: QueueName.Inbox, options: { ...RETRY.local, removeOnComplete: true, removeOnFail: true } },
  [JobName.FinishInboxEvent]: { queue: QueueName.InboxFollowUp, options: { ...RETRY.local, removeOnComplete: true, removeOnFail: true } },
  [JobName.SweepInbox]: { queue: QueueName.Maintenance, options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
  // events: jobId = run id, re-added to resume a run: never keep the finished job, or the re-add would be ignored.
  [JobName.FullSync]: { queue: QueueName.Sync, options: { ...RETRY.wecom, removeOnComplete: true, removeOnFail: true } },
  [JobName.SyncSchedule]: { queue: QueueName.Sync, options: { ...RETRY.local, ...KEEP } },
  // channels + welcome
  [JobName.SyncChannelRoster]: { queue: QueueName.Channels, options: { ...RETRY.wecom, ...KEEP } },
  [JobName.ChannelRosterTick]: { queue: QueueName.Channels, options: { ...RETRY.local, ...KEEP } },
  [JobName.ApplyChannelTags]: { queue: QueueName.Channels, options: { ...RETRY.wecom, ...KEEP } },
  [JobName.RefreshWelcomeMedia]: { queue: QueueName.Welcome, options: { ...RETRY.wecom, ...KEEP } },
  // SOP: the tick and the poll run again in a minute anyway; jobId = task id, never kept, so the sweeper can re-add it.
  [JobName.SopTick]: { queue: QueueName.Sop, options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
  [JobName.DeliverSopTask]: { queue: QueueName.Sop, options: { ...RETRY.wecom, removeOnComplete: true, removeOnFail: true } },
  [JobName.PollSopTasks]: { queue: QueueName.Sop, options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
  [JobName.EnrolTaggedCustomers]: { queue: QueueName.Sop, options: { ...RETRY.local, ...KEEP } },
  // computed tags
  [JobName.EvaluateTagRules]: { queue: QueueName.ComputedTags, options: { ...RETRY.local, removeOnComplete: true, removeOnFail: 1_000 } },
  [JobName.RunTagRules]: { queue: QueueName.ComputedTags, options: { ...RETRY.local, ...KEEP } },
  [JobName.TagRulesSchedule]: { queue: QueueName.ComputedTags, options: { ...RETRY.local, ...KEEP } },
  // tags: jobId = tag job id, re-added by the sweeper to resume: never keep the finished job (see FullSync).
  [JobName.RunTagJob]: { queue: QueueName.Tags, options: { ...RETRY.wecom, removeOnComplete: true, removeOnFail: true } },
  [JobName.SweepTagJobs]: { queue: QueueName.Tags, options: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 } },
  [JobName.RebuildCorpTagProjection]: { queue: QueueName.Tags, options: { ...RETRY.local, removeOnComplete: true, removeOnFail: true } },
  // audiences: counts are advisory; the next hour retries a failed run
  [JobName.RefreshAudienceCounts]: { queue: QueueName.Audiences, options: { attempts: 1, ...KEEP } },
};
