import { type DynamicModule, Module } from '@nestjs/common';
import { AlertsModule } from './alerts/alerts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BillingModule } from './billing/billing.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { ClusterModule } from './cluster/cluster.module';
import { LoggerModule } from './common/logger.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CountersModule } from './counters/counters.module';
import { CryptoModule } from './crypto/crypto.module';
import { DatabaseModule } from './database/database.module';
import { GatewayModule } from './gateway/gateway.module';
import { HealthChecksModule } from './health-checks/health-checks.module';
import { HealthModule } from './health/health.module';
import { InvitesModule } from './invites/invites.module';
import { InvoicesModule } from './invoices/invoices.module';
import { KeysModule } from './keys/keys.module';
import { MetricsModule } from './metrics/metrics.module';
import { ModelsModule } from './models/models.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrgsModule } from './orgs/orgs.module';
import { PlatformModule } from './platform/platform.module';
import { ProvidersModule } from './providers/providers.module';
import { QueueModule } from './queue/queue.module';
import { QuotasModule } from './quotas/quotas.module';
import { RedisModule } from './redis/redis.module';
import { RequestLogsModule } from './request-logs/request-logs.module';
import { RequestBodiesModule } from './request-bodies/request-bodies.module';
import { RouterModule } from './router/router.module';
import { UpstreamModule } from './upstream/upstream.module';
import { UsageReportsModule } from './usage/usage-reports.module';
import { UsersModule } from './users/users.module';

/** Infrastructure shared by the HTTP app and the worker. */
export function infrastructureModules(config: AppConfig) {
  return [ConfigModule.forRoot(config), LoggerModule, DatabaseModule, RedisModule, ClusterModule, CountersModule, QueueModule, CryptoModule, MetricsModule];
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...infrastructureModules(config),
        PlatformModule, UpstreamModule, UsersModule, OrgsModule, AuthModule, InvitesModule, AuditModule, KeysModule, ProvidersModule, ModelsModule, RouterModule, QuotasModule, BillingModule, InvoicesModule, NotificationsModule, GatewayModule, UsageReportsModule, RequestLogsModule, HealthModule, HealthChecksModule, MonitoringModule, AlertsModule, RequestBodiesModule, BootstrapModule,
      ],
    };
  }
}
