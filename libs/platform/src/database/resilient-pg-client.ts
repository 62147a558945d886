import { Logger } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';

const logger = new Logger('Postgres');

/**
 * A pg client that always has an 'error' listener. When the server drops a connection (restart, failover,
 * pg_terminate_backend), pg emits 'error' on the client; a client that happens to be between owners at that
 * moment has no listener, and an unhandled 'error' event ends the process. Here it is logged instead: the pool
 * discards the dead client, and a query in flight fails on its own (and is retried by its job).
 */
export class ResilientPgClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', (err: Error) => logger.warn({ error: err.message }, 'a Postgres connection was dropped'));
  }
}
