import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite kept in DATA_DIR/pglite. Never synchronised. */
export function dataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR'>): DataSourceOptions {
  const common = { type: 'postgres', entities: ENTITIES, synchronize: false, migrationsRun: false } as const;
  if (config.DATABASE_URL) {
    return {
      ...common,
      url: config.DATABASE_URL,
      extra: { max: 20, connectionTimeoutMillis: 5_000 },
    } as DataSourceOptions;
  }
  const dir = join(config.DATA_DIR, 'pglite');
  mkdirSync(dir, { recursive: true });
  return {
    ...common,
    driver: new PGliteDriver({ dataDir: dir }).driver,
  } as DataSourceOptions;
}
