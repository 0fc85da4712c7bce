import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SecretBox } from './secret-box';

@Global()
@Module({
  providers: [
    {
      provide: SecretBox,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new SecretBox(new Map([...config.ENCRYPTION_KEYS_PREVIOUS, [config.ENCRYPTION_KEY_VERSION, config.ENCRYPTION_KEY]]), config.ENCRYPTION_KEY_VERSION),
    },
  ],
  exports: [SecretBox],
})
export class CryptoModule {}
