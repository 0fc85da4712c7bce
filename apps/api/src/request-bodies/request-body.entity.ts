import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One logged request of an org that stores bodies; written masked, deleted after its retention. */
@Entity('request_bodies')
export class RequestBody {
  @PrimaryColumn('text', { name: 'request_id' }) requestId!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('integer') status!: number;
  @Column('text', { name: 'request_body' }) requestBody!: string;
  @Column('text', { name: 'response_body', nullable: true }) responseBody!: string | null;
  @Column('boolean', { default: false }) truncated!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
