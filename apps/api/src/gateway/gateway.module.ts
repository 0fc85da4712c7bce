import { Module } from '@nestjs/common';
import { KeyPoolModule } from '../key-pool/key-pool.module';
import { KeysModule } from '../keys/keys.module';
import { RouterModule } from '../router/router.module';
import { UsageModule } from '../usage/usage.module';
import { ApiKeyGuard } from './api-key.guard';
import { GatewayService } from './gateway.service';
import { InferenceController } from './inference.controller';
import { ModelsCatalogController } from './models-catalog.controller';
import { UpstreamClient } from './upstream-client';

@Module({
  imports: [KeysModule, RouterModule, KeyPoolModule, UsageModule],
  controllers: [InferenceController, ModelsCatalogController],
  providers: [GatewayService, UpstreamClient, ApiKeyGuard],
})
export class GatewayModule {}
