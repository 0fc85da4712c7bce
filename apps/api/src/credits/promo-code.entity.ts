import type { PromoCodeKind } from '@ai-router/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A redemption code or a coupon, created by the platform owner. The code text is shown once and kept
 * only as its SHA-256 (high-entropy, like API keys). Bigints arrive as strings.
 */
@Entity('promo_codes')
export class PromoCode {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') kind!: PromoCodeKind;
  @Column('text', { name: 'code_hash' }) codeHash!: string;
  @Column('text', { name: 'code_hint' }) codeHint!: string;
  /** Credited on redemption (redemption codes, fixed coupons); 0 for a percent coupon. */
  @Column('bigint', { name: 'amount_nano', default: 0 }) amountNano!: string;
  @Column('integer', { name: 'percent_bp', nullable: true }) percentBp!: number | null;
  /** Most discount one org gets from a percent coupon. */
  @Column('bigint', { name: 'cap_nano', nullable: true }) capNano!: string | null;
  @Column('integer', { name: 'max_redemptions' }) maxRedemptions!: number;
  @Column('integer', { name: 'redemption_count', default: 0 }) redemptionCount!: number;
  @Column('timestamptz', { name: 'valid_from' }) validFrom!: Date;
  @Column('timestamptz', { name: 'valid_until', nullable: true }) validUntil!: Date | null;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
