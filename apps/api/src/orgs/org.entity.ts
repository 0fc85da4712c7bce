import type { PiiConfig, RateLimits, RequestLogging, RoutingConfig } from '@ai-router/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('orgs')
export class Org {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') slug!: string;
  /** Default routing for the org's models that have none of their own. */
  @Column('jsonb', { nullable: true }) routing!: RoutingConfig | null;
  @Column('jsonb', { default: {} }) limits!: RateLimits;
  /** Applied to each client IP address separately. */
  @Column('jsonb', { name: 'ip_limits', default: {} }) ipLimits!: RateLimits;
  /** Applied to each member separately, across their keys. */
  @Column('jsonb', { name: 'user_limits', default: {} }) userLimits!: RateLimits;
  /** PII masking rules; null = off. */
  @Column('jsonb', { nullable: true }) pii!: PiiConfig | null;
  /** Request/response body logging; null = off. */
  @Column('jsonb', { name: 'request_logging', nullable: true }) requestLogging!: RequestLogging | null;
  /** Prepaid billing: requests need balance, are held at worst case, and settle to actual usage. */
  @Column('boolean', { name: 'billing_enabled', default: false }) billingEnabled!: boolean;
  @Column('bigint', { name: 'balance_nano', default: 0 }) balanceNano!: string;
  @Column('bigint', { name: 'held_nano', default: 0 }) heldNano!: string;
  @Column('integer', { name: 'price_multiplier_bp', default: 15000 }) priceMultiplierBp!: number;
  /** Plan discount in basis points, after the multiplier (see billing/money.ts). */
  @Column('integer', { name: 'plan_discount_bp', default: 0 }) planDiscountBp!: number;
  @Column('bigint', { name: 'low_balance_threshold_nano', nullable: true }) lowBalanceThresholdNano!: string | null;
  /** True from a crossing below the threshold until a credit lifts the balance back above it. */
  @Column('boolean', { name: 'low_balance_notified', default: false }) lowBalanceNotified!: boolean;
  @Column('integer', { name: 'low_balance_crossings', default: 0 }) lowBalanceCrossings!: number;
  @Column('boolean', { name: 'auto_recharge_enabled', default: false }) autoRechargeEnabled!: boolean;
  @Column('bigint', { name: 'auto_recharge_amount_nano', default: 0 }) autoRechargeAmountNano!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
