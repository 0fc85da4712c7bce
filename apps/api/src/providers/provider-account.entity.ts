import type { ProviderKind } from '@ai-router/providers';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('provider_accounts')
export class ProviderAccount {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('text') name!: string;
  @Column('text') kind!: ProviderKind;
  @Column('text', { name: 'base_url' }) baseUrl!: string;
  @Column('jsonb', { default: {} }) headers!: Record<string, string>;
  /** Family settings: Azure `apiVersion`, Bedrock `region`. */
  @Column('jsonb', { default: {} }) settings!: Record<string, string>;
  /** OpenAI-compatible vendor preset (deepseek, groq, ollama, ...); null = generic. */
  @Column('text', { nullable: true }) vendor!: string | null;
  @Column('boolean', { default: true }) enabled!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
