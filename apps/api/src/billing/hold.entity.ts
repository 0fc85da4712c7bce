import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type HoldState = 'held' | 'settled' | 'released';

@Entity('holds')
export class Hold {
  @PrimaryColumn('text', { name: 'request_id' }) requestId!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('bigint', { name: 'amount_nano' }) amountNano!: string;
  @Column('text', { default: 'held' }) state!: HoldState;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
