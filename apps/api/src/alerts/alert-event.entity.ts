import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AlertValue } from './alert-evaluator';

/** One firing of a rule, from `alert.fired` to `alert.resolved`. */
@Entity('alert_events')
export class AlertEvent {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'rule_id' }) ruleId!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('timestamptz', { name: 'fired_at' }) firedAt!: Date;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('jsonb', { name: 'last_value', nullable: true }) lastValue!: AlertValue;
  @Column('text') summary!: string;
  @Column('integer', { name: 'notifications_sent', default: 0 }) notificationsSent!: number;
  @Column('timestamptz', { name: 'last_notified_at', nullable: true }) lastNotifiedAt!: Date | null;
}
