import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { createLogger } from './logger';

export const LOGGER = Symbol('LOGGER');

@Global()
@Module({
  providers: [{ provide: LOGGER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createLogger(config.LOG_LEVEL, config.LOG_FILE) }],
  exports: [LOGGER],
})
export class LoggerModule {}
