import { AppConfig } from '../config/app-config';
import { ConfigError, loadConfig } from '../config/load-config';
import { prepareDatabase } from '../database/prepare-database';

/**
 * Shared start-up of api and worker: validate config (exit naming the bad variable),
 * create the database and apply migrations under the advisory lock, then start.
 */
export function runProcess(name: string, start: (config: AppConfig) => Promise<unknown>): void {
  process.env.SCRM_PROCESS = name;
  const say = (level: string, msg: string) => process.stdout.write(`${JSON.stringify({ level, time: Date.now(), process: name, msg })}\n`);
  (async () => {
    const config = loadConfig();
    if (config.env.MIGRATE_ON_START === 'true') await prepareDatabase(config, (msg) => say('info', msg));
    await start(config);
    say('info', `${name} started`);
  })().catch((err: unknown) => {
    const message = err instanceof ConfigError ? err.message : `${name} failed to start: ${(err as Error)?.stack ?? err}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
