import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import type { Backend, HopRole } from '@hopwatch/domain';
import { SiteEntity } from './site.entity';

@Entity('hops')
@Unique('hops_site_name_unique', ['siteId', 'name'])
export class HopEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'site_id', type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => SiteEntity, (site) => site.hops, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'FK_hops_site' })
  site!: Relation<SiteEntity>;

  /** Outermost first. */
  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: HopRole;

  @Column({ type: 'text' })
  url!: string;

  @Column({ name: 'connect_to', type: 'varchar', length: 64, nullable: true })
  connectTo!: string | null;

  @Column({ name: 'host_header', type: 'varchar', length: 255, nullable: true })
  hostHeader!: string | null;

  @Column({ name: 'expect_status', type: 'varchar', length: 100, nullable: true })
  expectStatus!: string | null;

  /** load_balancer hops: the servers behind it, probed directly as `<name>@<backend>`. */
  @Column({ type: 'jsonb', nullable: true })
  backends!: Backend[] | null;
}
