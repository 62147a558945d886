/** Every Bull queue of the system. The api only produces; every processor lives in apps/worker. */
export enum QueueName {
  Maintenance = 'maintenance',
  Sync = 'sync',
}
