import type { RateLimits } from '@ai-router/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type ApiKeyStatus = 'active' | 'suspended' | 'revoked';

@Entity('api_keys')
export class ApiKey {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId!: string | null;
  @Column('text') name!: string;
  @Column('text', { name: 'key_hash', select: false }) keyHash!: string;
  @Column('text') prefix!: string;
  @Column('text') last4!: string;
  @Column('text', { default: 'active' }) status!: ApiKeyStatus;
  @Column('text', { name: 'allowed_models', array: true, nullable: true }) allowedModels!: string[] | null;
  @Column('text', { name: 'allowed_providers', array: true, nullable: true }) allowedProviders!: string[] | null;
  /** CIDR blocks (v4 or v6) the key may be used from; null = anywhere. */
  @Column('text', { name: 'ip_allowlist', array: true, nullable: true }) ipAllowlist!: string[] | null;
  /** Rate limits for this key, enforced by the policy engine. */
  @Column('jsonb', { default: {} }) limits!: RateLimits;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @Column('timestamptz', { name: 'last_rotated_at', nullable: true }) lastRotatedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
