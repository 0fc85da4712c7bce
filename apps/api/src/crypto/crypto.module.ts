import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SecretBox } from './secret-box';

@Global()
@Module({
  providers: [
    { provide: SecretBox, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new SecretBox(new Map([[1, config.ENCRYPTION_KEY]]), 1) },
  ],
  exports: [SecretBox],
})
export class CryptoModule {}
