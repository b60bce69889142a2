// Entry point for the TypeORM CLI (`npm run migration:generate`); the app builds its own from the same options.
import { DataSource } from 'typeorm';
import { loadConfig } from '@hopwatch/platform';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));
