import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('orgs')
export class Org {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') slug!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
