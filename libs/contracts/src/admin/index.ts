export * from './api-keys.schema';
export * from './auth.schema';
export * from './models.schema';
export * from './providers.schema';
export * from './orgs.schema';
export * from './platform.schema';
export * from './routing.schema';
export * from './limits.schema';
export * from './billing.schema';
export * from './usage.schema';
export * from './notifications.schema'; // TEMP-NOTIF
export * from './pii.schema';
export * from './invoices.schema';
