import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `redemption`: a redemption code's credit; `coupon_credit`: a fixed coupon's credit (an invoice discount). */
export type LedgerEntryType = 'topup' | 'charge' | 'refund' | 'adjustment' | 'coupon' | 'redemption' | 'coupon_credit';

@Entity('ledger_entries')
export class LedgerEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('text', { name: 'request_id', nullable: true }) requestId!: string | null;
  @Column('text', { name: 'entry_type' }) entryType!: LedgerEntryType;
  /** Signed: credits positive, charges negative. */
  @Column('bigint', { name: 'amount_nano' }) amountNano!: string;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
