import { Column, Entity, PrimaryColumn } from 'typeorm';

export type InvoiceStatus = 'issued';

/**
 * One org's invoice for one calendar month (UTC). Written once by InvoiceIssuerService and never
 * updated: the database refuses UPDATE and DELETE of issued invoices. Bigints arrive as strings.
 */
@Entity('invoices')
export class Invoice {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('text') number!: string;
  @Column('timestamptz', { name: 'period_start' }) periodStart!: Date;
  /** Exclusive: the first instant of the next month. */
  @Column('timestamptz', { name: 'period_end' }) periodEnd!: Date;
  @Column('text', { default: 'issued' }) status!: InvoiceStatus;
  @Column('bigint', { name: 'subtotal_nano' }) subtotalNano!: string;
  @Column('bigint', { name: 'discount_nano', default: 0 }) discountNano!: string;
  @Column('bigint', { name: 'total_nano' }) totalNano!: string;
  @Column('text', { default: 'USD' }) currency!: 'USD';
  @Column('timestamptz', { name: 'issued_at' }) issuedAt!: Date;
}
