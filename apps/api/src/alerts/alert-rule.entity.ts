import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AlertRuleKind, AlertState } from '@ai-router/contracts';
import type { NotificationEvent } from '../notifications/notification-event';
import type { AlertValue } from './alert-evaluator';

/** A rule an org set, and where its state machine stands. */
@Entity('alert_rules')
export class AlertRule {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: AlertRuleKind;
  @Column('jsonb', { default: {} }) params!: Record<string, unknown>;
  @Column('integer', { name: 'for_seconds', default: 0 }) forSeconds!: number;
  @Column('integer', { name: 'repeat_interval_seconds' }) repeatIntervalSeconds!: number;
  /** Empty: every enabled channel subscribed to alert events. */
  @Column('uuid', { name: 'channel_ids', array: true, default: '{}' }) channelIds!: string[];
  @Column('boolean', { default: true }) enabled!: boolean;
  @Column('text', { default: 'ok' }) state!: AlertState;
  /** Bumped by every transition; transitions update only the version they read. */
  @Column('integer', { default: 0 }) version!: number;
  @Column('timestamptz', { name: 'pending_since', nullable: true }) pendingSince!: Date | null;
  @Column('uuid', { name: 'current_event_id', nullable: true }) currentEventId!: string | null;
  @Column('jsonb', { name: 'last_value', nullable: true }) lastValue!: AlertValue;
  @Column('timestamptz', { name: 'last_evaluated_at', nullable: true }) lastEvaluatedAt!: Date | null;
  /** Decided by a transition, not yet accepted by notify(); retried under the same event id. */
  @Column('jsonb', { name: 'unsent_notification', nullable: true }) unsentNotification!: NotificationEvent | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
