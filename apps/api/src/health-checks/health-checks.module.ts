import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { RouterModule } from '../router/router.module';
import { ActiveHealthCheckService } from './active-health-check.service';

@Module({ imports: [RouterModule, ProvidersModule], providers: [ActiveHealthCheckService], exports: [ActiveHealthCheckService] })
export class HealthChecksModule {}
