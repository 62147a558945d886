/** Every Bull queue of the system. The api only produces; every processor lives in apps/worker. */
export enum QueueName {
  Maintenance = 'maintenance',
  // intake: WeCom callbacks stored in inbox_events
  Inbox = 'inbox',
  // the part of an event that may wait (an add's bookkeeping after its welcome): its own queue, so a burst of
  // callbacks is served first
  InboxFollowUp = 'inbox-follow-up',
  // events
  Sync = 'sync',
  // channels + welcome
  Channels = 'channels',
  Welcome = 'welcome',
  // SOP engine and staff tasks
  Sop = 'sop',
  // computed tags
  ComputedTags = 'computed-tags',
  // tags: bulk tagging jobs and the corp tag projection
  Tags = 'tags',
  // audiences
  Audiences = 'audiences',
}
