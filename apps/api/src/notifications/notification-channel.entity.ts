import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationChannelKind, NotificationEventType } from '@ai-router/contracts';

/** Where an org's events go. Secrets never sit in `config`: they are one encrypted JSON object. */
@Entity('notification_channels')
export class NotificationChannel {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('text') kind!: NotificationChannelKind;
  @Column('text') name!: string;
  @Column('jsonb', { default: {} }) config!: Record<string, unknown>;
  /** AES-256-GCM with the row id as AAD; loaded only where a delivery or an update needs it. */
  @Column('bytea', { name: 'secret_ciphertext', nullable: true, select: false }) secretCiphertext!: Buffer | null;
  @Column('integer', { name: 'key_version', nullable: true }) keyVersion!: number | null;
  /** Empty means every event. */
  @Column('text', { array: true, default: '{}' }) events!: NotificationEventType[];
  @Column('boolean', { default: true }) enabled!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
