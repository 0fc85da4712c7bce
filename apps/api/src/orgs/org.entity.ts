import type { RateLimits, RoutingConfig } from '@ai-router/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('orgs')
export class Org {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') slug!: string;
  /** Default routing for the org's models that have none of their own. */
  @Column('jsonb', { nullable: true }) routing!: RoutingConfig | null;
  @Column('jsonb', { default: {} }) limits!: RateLimits;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
