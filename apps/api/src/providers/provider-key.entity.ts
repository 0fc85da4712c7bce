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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
