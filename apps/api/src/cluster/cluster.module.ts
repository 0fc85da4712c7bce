import { Global, Module } from '@nestjs/common';
import { ClusterEventsService } from './cluster-events.service';

@Global()
@Module({ providers: [ClusterEventsService], exports: [ClusterEventsService] })
export class ClusterModule {}
