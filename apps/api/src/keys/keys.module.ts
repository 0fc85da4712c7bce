import { Module } from '@nestjs/common';
import { ApiKeyAuthService } from './api-key-auth.service';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

@Module({ controllers: [ApiKeysController], providers: [ApiKeysService, ApiKeyAuthService], exports: [ApiKeysService, ApiKeyAuthService] })
export class KeysModule {}
