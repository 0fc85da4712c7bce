import { Module } from '@nestjs/common';
import { KeyPoolModule } from '../key-pool/key-pool.module';
import { KeysModule } from '../keys/keys.module';
import { RoutingHealthMetricsService } from '../metrics/routing-health-metrics.service';
import { RequestBodiesCoreModule } from '../request-bodies/request-bodies.module';
import { RouterModule } from '../router/router.module';
import { UsageModule } from '../usage/usage.module';
import { ApiKeyGuard } from './api-key.guard';
import { GatewayService } from './gateway.service';
import { ImagesController } from './images.controller';
import { UpstreamAttemptService } from './upstream-attempt.service';
import { InferenceRoutes } from './inference.routes';
import { ModelsCatalogController } from './models-catalog.controller';

@Module({
  imports: [KeysModule, RouterModule, KeyPoolModule, UsageModule, RequestBodiesCoreModule],
  controllers: [ImagesController, ModelsCatalogController],
  providers: [InferenceRoutes, GatewayService, UpstreamAttemptService, ApiKeyGuard, RoutingHealthMetricsService],
})
export class GatewayModule {}
