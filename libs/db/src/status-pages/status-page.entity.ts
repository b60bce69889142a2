import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A public status page: the sites it shows are those listed by id plus those carrying any of its tags. */
@Entity('status_pages')
export class StatusPageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'site_ids', type: 'uuid', array: true, default: () => "'{}'" })
  siteIds!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  /** The tool that created it (`hopwatch apply` sets "hopwatch"); null for hand-made pages. */
  @Column({ name: 'managed_by', type: 'varchar', length: 63, nullable: true })
  managedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
