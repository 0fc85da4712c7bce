import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Settings of the whole installation, edited by the platform owner at run time. */
@Entity('platform_settings')
export class PlatformSetting {
  @PrimaryColumn('text') key!: string;
  @Column('jsonb') value!: string[];
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
