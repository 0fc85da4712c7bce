import type { HealthCheckMode, RoutingConfig } from '@ai-router/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A public model name clients call; served by one or more deployments. */
@Entity('models')
export class Model {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('boolean', { default: true }) enabled!: boolean;
  /** Models tried, in order, when every deployment of this one failed; cycles are refused at save time. */
  @Column('text', { name: 'fallback_models', array: true, default: () => "'{}'" }) fallbackModels!: string[];
  /** What active health checks probe this model with; `off` opts an expensive model out. */
  @Column('text', { name: 'health_check', default: 'chat' }) healthCheck!: HealthCheckMode;
  /** Strategy and rules for this model; null = the org's default (priority failover without one). */
  @Column('jsonb', { nullable: true }) routing!: RoutingConfig | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
