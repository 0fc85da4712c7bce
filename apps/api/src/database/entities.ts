import { AuditEntry } from '../audit/audit-entry.entity';
import { Session } from '../auth/session.entity';
import { Hold } from '../billing/hold.entity';
import { LedgerEntry } from '../billing/ledger-entry.entity';
import { PriceBookEntry } from '../billing/price-book-entry.entity';
import { PromoCode } from '../credits/promo-code.entity';
import { PromoRedemption } from '../credits/promo-redemption.entity';
import { Invite } from '../invites/invite.entity';
import { InvoiceLine } from '../invoices/invoice-line.entity';
import { Invoice } from '../invoices/invoice.entity';
import { ApiKey } from '../keys/api-key.entity';
import { NotificationChannel } from '../notifications/notification-channel.entity';
import { NotificationDelivery } from '../notifications/notification-delivery.entity';
import { Notification } from '../notifications/notification.entity';
import { Deployment } from '../models/deployment.entity';
import { Model } from '../models/model.entity';
import { Membership } from '../orgs/membership.entity';
import { Org } from '../orgs/org.entity';
import { PlatformSetting } from '../platform/platform-setting.entity';
import { ProviderAccount } from '../providers/provider-account.entity';
import { ProviderKey } from '../providers/provider-key.entity';
import { UsageLog } from '../usage/usage-log.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [Org, User, Membership, ApiKey, ProviderAccount, ProviderKey, Model, Deployment, UsageLog, Session, Invite, AuditEntry, PlatformSetting, PriceBookEntry, Hold, LedgerEntry, Invoice, InvoiceLine, NotificationChannel, NotificationDelivery, Notification,
  PromoCode, PromoRedemption];
