import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { UsageModule } from '../usage/usage.module';
import { HealthController } from './health.controller';

@Module({ imports: [TerminusModule, UsageModule], controllers: [HealthController] })
export class HealthModule {}
