import { Module } from '@nestjs/common';
import { RequestBodiesController } from './request-bodies.controller';
import { RequestBodiesService } from './request-bodies.service';

/** Storing and sweeping bodies, without HTTP: what the gateway and the worker process need. */
@Module({ providers: [RequestBodiesService], exports: [RequestBodiesService] })
export class RequestBodiesCoreModule {}

@Module({ imports: [RequestBodiesCoreModule], controllers: [RequestBodiesController] })
export class RequestBodiesModule {}
