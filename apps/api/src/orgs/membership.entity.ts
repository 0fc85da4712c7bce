import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const ORG_ROLES = ['admin', 'developer', 'viewer'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

@Entity('memberships')
export class Membership {
  @PrimaryColumn('uuid', { name: 'org_id' }) orgId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') role!: OrgRole;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
