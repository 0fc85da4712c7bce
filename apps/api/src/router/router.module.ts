import { Module } from '@nestjs/common';
import { CircuitBreakerService } from './circuit-breaker.service';
import { RoutingSnapshotService } from './routing-snapshot.service';

@Module({ providers: [RoutingSnapshotService, CircuitBreakerService], exports: [RoutingSnapshotService, CircuitBreakerService] })
export class RouterModule {}
