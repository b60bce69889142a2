import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** While it lasts, incidents of the sites it covers (by id or by tag) are recorded and marked, and nobody is notified. */
@Entity('maintenance_windows')
@Index('maintenance_windows_ends', { synchronize: false })
export class MaintenanceWindowEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'site_ids', type: 'uuid', array: true, default: () => "'{}'" })
  siteIds!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  /** The tool that created it (`hopwatch` for `hopwatch apply`); null when made by hand. */
  @Column({ name: 'managed_by', type: 'varchar', length: 63, nullable: true })
  managedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
