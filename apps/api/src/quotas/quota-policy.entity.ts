import type { QuotaMetric, QuotaPeriod, QuotaScope } from '@ai-router/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A period quota or budget (a budget is a cost quota, usually with soft thresholds). */
@Entity('quota_policies')
export class QuotaPolicy {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('text') name!: string;
  @Column('text') scope!: QuotaScope;
  /** The API key (scope `key`) or user (scope `user`) counted; null for the org. */
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId!: string | null;
  @Column('text') metric!: QuotaMetric;
  @Column('text') period!: QuotaPeriod;
  /** Requests, tokens or nano-dollars; bigint arrives as a string. */
  @Column('bigint', { name: 'limit_value' }) limitValue!: string;
  @Column('integer', { array: true, default: () => "'{}'" }) thresholds!: number[];
  @Column('boolean', { default: true }) hard!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
