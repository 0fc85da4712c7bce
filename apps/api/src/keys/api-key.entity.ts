import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

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
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
