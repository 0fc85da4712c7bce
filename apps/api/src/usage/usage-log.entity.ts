import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One finished /v1 request. Partitioned by month on created_at, which is the request's start (see migration 0015). */
@Entity('usage_logs')
export class UsageLog {
  @PrimaryColumn('text', { name: 'request_id' }) requestId!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('uuid', { name: 'api_key_id', nullable: true }) apiKeyId!: string | null;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('text') model!: string;
  @Column('uuid', { name: 'deployment_id', nullable: true }) deploymentId!: string | null;
  @Column('uuid', { name: 'provider_account_id', nullable: true }) providerAccountId!: string | null;
  @Column('text') operation!: string;
  @Column('integer') status!: number;
  @Column('integer', { name: 'input_tokens', default: 0 }) inputTokens!: number;
  @Column('integer', { name: 'output_tokens', default: 0 }) outputTokens!: number;
  @Column('integer', { name: 'cached_input_tokens', default: 0 }) cachedInputTokens!: number;
  @Column('integer', { name: 'cache_write_tokens', default: 0 }) cacheWriteTokens!: number;
  @Column('integer', { name: 'reasoning_tokens', default: 0 }) reasoningTokens!: number;
  @Column('integer', { default: 0 }) images!: number;
  @Column('bigint', { name: 'cost_nano', default: 0 }) costNano!: string;
  /** What discounts took off the charge; cost_nano + discount_nano is the undiscounted price. */
  @Column('bigint', { name: 'discount_nano', default: 0 }) discountNano!: string;
  /** What a billed request held against the balance (its worst case); null when it held nothing. */
  @Column('bigint', { name: 'held_nano', nullable: true }) heldNano!: string | null;
  @Column('integer', { name: 'latency_ms' }) latencyMs!: number;
  @Column('integer', { name: 'ttft_ms', nullable: true }) ttftMs!: number | null;
  @Column('boolean', { default: false }) streamed!: boolean;
  @Column('text', { name: 'error_code', nullable: true }) errorCode!: string | null;
  /** The routing decision explained (strategy, chosen and fallback deployments, exclusions). */
  @Column('jsonb', { nullable: true }) routing!: string[] | null;
  @PrimaryColumn('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
