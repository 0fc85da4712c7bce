import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Bigint columns arrive as strings from the driver; services convert them with BigInt(). */
@Entity('price_book')
export class PriceBookEntry {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('uuid', { name: 'model_id' }) modelId!: string;
  @Column('timestamptz', { name: 'effective_from' }) effectiveFrom!: Date;
  @Column('bigint', { name: 'input_per_million_nano', default: 0 }) inputPerMillionNano!: string;
  @Column('bigint', { name: 'output_per_million_nano', default: 0 }) outputPerMillionNano!: string;
  @Column('bigint', { name: 'cached_input_per_million_nano', default: 0 }) cachedInputPerMillionNano!: string;
  @Column('bigint', { name: 'cache_write_per_million_nano', default: 0 }) cacheWritePerMillionNano!: string;
  @Column('bigint', { name: 'per_image_nano', default: 0 }) perImageNano!: string;
  @Column('bigint', { name: 'per_request_nano', default: 0 }) perRequestNano!: string;
  @Column('integer', { name: 'output_limit_tokens', default: 4096 }) outputLimitTokens!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
