import { Module } from '@nestjs/common';
import { KeyPoolModule } from '../key-pool/key-pool.module';
import { ModelsModule } from '../models/models.module';
import { ProviderAccountsController } from './provider-accounts.controller';
import { ProviderAccountsService } from './provider-accounts.service';
import { ProviderPresetsController } from './provider-presets.controller';
import { ProviderTargetsService } from './provider-targets.service';
import { UpstreamModelsService } from './upstream-models.service';

@Module({
  imports: [ModelsModule, KeyPoolModule],
  controllers: [ProviderAccountsController, ProviderPresetsController],
  providers: [ProviderAccountsService, UpstreamModelsService, ProviderTargetsService],
  exports: [ProviderAccountsService, ProviderTargetsService],
})
export class ProvidersModule {}
