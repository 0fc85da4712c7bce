import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A public model name clients call; served by one or more deployments. */
@Entity('models')
export class Model {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'org_id' }) orgId!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('boolean', { default: true }) enabled!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
