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
  /** PII masking rules; null = off. */
  @Column('jsonb', { nullable: true }) pii!: PiiConfig | null;
  /** Request/response body logging; null = off. */
  @Column('jsonb', { name: 'request_logging', nullable: true }) requestLogging!: RequestLogging | null;
  /** Prepaid billing: requests need balance, are held at worst case, and settle to actual usage. */
  @Column('boolean', { name: 'billing_enabled', default: false }) billingEnabled!: boolean;
  @Column('bigint', { name: 'balance_nano', default: 0 }) balanceNano!: string;
  @Column('bigint', { name: 'held_nano', default: 0 }) heldNano!: string;
  @Column('integer', { name: 'price_multiplier_bp', default: 15000 }) priceMultiplierBp!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
