import { Module } from '@nestjs/common';
import { KeyPoolModule } from '../key-pool/key-pool.module';
import { CircuitBreakerService } from './circuit-breaker.service';
import { RoutePlannerService } from './route-planner.service';
import { RoutingPreviewController } from './routing-preview.controller';
import { RoutingSnapshotService } from './routing-snapshot.service';

@Module({
  imports: [KeyPoolModule],
  controllers: [RoutingPreviewController],
  providers: [RoutingSnapshotService, CircuitBreakerService, RoutePlannerService],
  exports: [RoutingSnapshotService, CircuitBreakerService, RoutePlannerService],
})
export class RouterModule {}
