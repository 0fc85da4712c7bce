import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('provider_keys')
export class ProviderKey {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'provider_account_id' }) providerAccountId!: string;
  @Column('text') label!: string;
  @Column('bytea', { name: 'secret_ciphertext', select: false }) secretCiphertext!: Buffer;
  @Column('integer', { name: 'key_version' }) keyVersion!: number;
  @Column('text') last4!: string;
  @Column('boolean', { default: true }) enabled!: boolean;
  /** The provider's per-key limits, so the pool spreads load before the provider starts refusing. */
  @Column('integer', { name: 'rpm_limit', nullable: true }) rpmLimit!: number | null;
  @Column('integer', { name: 'tpm_limit', nullable: true }) tpmLimit!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
