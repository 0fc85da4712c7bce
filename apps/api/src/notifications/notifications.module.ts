import { type DynamicModule, Global, Module } from '@nestjs/common';
import { InvoicesCoreModule } from '../invoices/invoices-core.module';
import { InvoiceIssuedNotifier } from './invoice-issued.listener';
import { PrivateHostsService } from '../security/private-hosts.service';
import { DeliveryNetwork } from './delivery-network.service';
import { NotificationChannelsController } from './notification-channels.controller';
import { NotificationChannelsService } from './notification-channels.service';
import { NotificationDeliveriesService } from './notification-deliveries.service';
import { NotificationDeliveryProcessor } from './notification-delivery.processor';
import { NotificationInboxController } from './notification-inbox.controller';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationRetryPolicy } from './notification-retry.policy';
import { NotificationsService } from './notifications.service';
import { CHANNEL_SENDER_PROVIDERS } from './senders/channel-senders';

/**
 * notify() and the delivery processor, without HTTP: for the API, the worker, and any module that
 * raises events (global, so key-pool, alerts and billing inject NotificationsService directly).
 * Deliveries consult the SSRF guard (PrivateHostsService) at connect time: in the API the global
 * PlatformModule provides it; the worker uses forWorker().
 */
@Global()
@Module({
  imports: [InvoicesCoreModule],
  providers: [NotificationsService, NotificationRetryPolicy, NotificationDeliveryProcessor, DeliveryNetwork, InvoiceIssuedNotifier, ...CHANNEL_SENDER_PROVIDERS],
  exports: [NotificationsService, NotificationRetryPolicy],
})
export class NotificationsCoreModule {
  /** The worker has no PlatformModule (its controller needs the auth stack), so the guard comes along. */
  static forWorker(): DynamicModule {
    return { module: NotificationsCoreModule, providers: [PrivateHostsService] };
  }
}

/** The admin API: channels, the delivery log and the in-app inbox. */
@Module({
  imports: [NotificationsCoreModule],
  controllers: [NotificationChannelsController, NotificationInboxController],
  providers: [NotificationChannelsService, NotificationDeliveriesService, NotificationInboxService],
})
export class NotificationsModule {}
