import 'reflect-metadata';
import { loadConfig } from '../config/load-config';
import { prepareDatabase } from './prepare-database';

/** `npm run migrate`: what api and worker do at start, on its own (deploy pipelines, tests). */
prepareDatabase(loadConfig(), (msg) => console.log(msg))
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
