import { EntityManager } from 'typeorm';
import { HopEntity } from './hop.entity';
import { SiteEntity } from './site.entity';

/** Loads the hops of many sites in one query and hangs them on each site, outermost first. */
export async function attachHops(manager: EntityManager, sites: SiteEntity[]): Promise<void> {
  if (sites.length === 0) return;
  const hops = await manager
    .getRepository(HopEntity)
    .createQueryBuilder('hop')
    .where('hop.site_id = ANY(:ids)', { ids: sites.map((site) => site.id) })
    .orderBy('hop.position', 'ASC')
    .getMany();
  const bySite = new Map<string, HopEntity[]>();
  for (const hop of hops) bySite.set(hop.siteId, [...(bySite.get(hop.siteId) ?? []), hop]);
  for (const site of sites) site.hops = bySite.get(site.id) ?? [];
}
