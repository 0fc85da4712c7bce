import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One org's redemption of one code (unique per pair). */
@Entity('promo_redemptions')
export class PromoRedemption {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'code_id' }) codeId!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  /** A percent coupon's discount so far, counted against its cap. */
  @Column('bigint', { name: 'discount_used_nano', default: 0 }) discountUsedNano!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
