import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One way to serve a model: a provider account and the upstream's model name, with routing weight and priority. */
@Entity('deployments')
export class Deployment {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'model_id' }) modelId!: string;
  @Column('uuid', { name: 'provider_account_id' }) providerAccountId!: string;
  @Column('text', { name: 'upstream_model' }) upstreamModel!: string;
  @Column('integer', { default: 1 }) weight!: number;
  @Column('integer', { default: 0 }) priority!: number;
  @Column('boolean', { default: true }) enabled!: boolean;
  /** Admin-given quality score 0..1 for composite and Pareto routing. */
  @Column('real', { nullable: true }) quality!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
