import { Global, Module } from '@nestjs/common';
import { UpstreamClient } from './upstream-client';

/** The one HTTP client for provider APIs, shared by the gateway and admin features (model import). */
@Global()
@Module({ providers: [UpstreamClient], exports: [UpstreamClient] })
export class UpstreamModule {}
