import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationEventType } from '@ai-router/contracts';

/** An in-app notification: one per event per org, read state shared by the org's members. */
@Entity('notifications')
export class Notification {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('text', { name: 'event_id' }) eventId!: string;
  @Column('text') type!: NotificationEventType;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('jsonb', { default: {} }) data!: Record<string, unknown>;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
