import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationDeliveryStatus, NotificationEventType } from '@ai-router/contracts';

/** One event to one channel; unique by (channel, event), updated by every attempt. */
@Entity('notification_deliveries')
export class NotificationDelivery {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'channel_id' }) channelId!: string;
  @Column('text', { name: 'event_id' }) eventId!: string;
  @Column('text', { name: 'event_type' }) eventType!: NotificationEventType;
  @Column('text', { default: 'pending' }) status!: NotificationDeliveryStatus;
  @Column('integer', { default: 0 }) attempts!: number;
  /** Built from safe parts only (HTTP status, error codes), scrubbed of the channel's secrets. */
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @Column('timestamptz', { name: 'last_attempt_at', nullable: true }) lastAttemptAt!: Date | null;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
