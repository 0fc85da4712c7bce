import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source.factory';
import { serializePgliteAccess } from './pglite-serializer';
import { ENTITIES } from './entities';
import { runMigrations } from './migration-runner';

/** Global: every module's repositories come from here, so entities are registered once. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config),
      dataSourceFactory: async (options) => {
        const dataSource = new DataSource(options!);
        // A custom driver means embedded PGlite: one connection that every runner shares.
        if ((options as { driver?: unknown }).driver) serializePgliteAccess(dataSource);
        await dataSource.initialize();
        await runMigrations(dataSource);
        return dataSource;
      },
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  exports: [TypeOrmModule],
})
export class DatabaseModule {}
