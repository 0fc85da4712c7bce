import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One model's charged requests of an invoice's period; counters are bigint (a month can exceed 2^31 tokens). */
@Entity('invoice_lines')
export class InvoiceLine {
  @PrimaryColumn('uuid', { name: 'invoice_id' }) invoiceId!: string;
  @PrimaryColumn('integer') position!: number;
  @Column('text') model!: string;
  @Column('bigint', { default: 0 }) requests!: string;
  @Column('bigint', { name: 'input_tokens', default: 0 }) inputTokens!: string;
  @Column('bigint', { name: 'output_tokens', default: 0 }) outputTokens!: string;
  @Column('bigint', { name: 'cached_input_tokens', default: 0 }) cachedInputTokens!: string;
  @Column('bigint', { name: 'cache_write_tokens', default: 0 }) cacheWriteTokens!: string;
  @Column('bigint', { default: 0 }) images!: string;
  @Column('bigint', { name: 'amount_nano' }) amountNano!: string;
}
