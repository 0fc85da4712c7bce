import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { OrgRole } from '../orgs/membership.entity';

@Entity('invites')
export class Invite {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('text') email!: string;
  @Column('text') role!: OrgRole;
  @Column('text', { name: 'token_hash', select: false }) tokenHash!: string;
  @Column('uuid', { name: 'invited_by', nullable: true }) invitedBy!: string | null;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
