import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { dataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI only (`npm run migration:*`); the app builds its own from the same options. */
export default new DataSource(dataSourceOptions(loadConfig()));
