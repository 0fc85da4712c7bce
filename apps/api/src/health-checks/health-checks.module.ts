import { Module } from '@nestjs/common';
import { RouterModule } from '../router/router.module';
import { ActiveHealthCheckService } from './active-health-check.service';

@Module({ imports: [RouterModule], providers: [ActiveHealthCheckService], exports: [ActiveHealthCheckService] })
export class HealthChecksModule {}
