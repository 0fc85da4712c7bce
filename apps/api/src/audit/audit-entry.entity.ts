import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'org_id', nullable: true }) orgId!: string | null;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { name: 'actor_email', nullable: true }) actorEmail!: string | null;
  @Column('text') action!: string;
  @Column('text', { name: 'target_id', nullable: true }) targetId!: string | null;
  @Column('text', { nullable: true }) ip!: string | null;
  @Column('integer') status!: number;
  @Column('jsonb', { default: {} }) details!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
