import { Module } from '@nestjs/common';
import { RoutingSnapshotService } from './routing-snapshot.service';

@Module({ providers: [RoutingSnapshotService], exports: [RoutingSnapshotService] })
export class RouterModule {}
