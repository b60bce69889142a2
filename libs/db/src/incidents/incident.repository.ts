import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CheckResultEntity } from '../checks/check-result.entity';
import { slotOfResultId } from '../checks/compact-result.sql';
import { IncidentTimelineEntity } from './incident-timeline.entity';
import { IncidentEntity } from './incident.entity';

export type IncidentListQuery = {
  siteId: string | null;
  status: 'open' | 'resolved' | null;
  /** true: only roots (incidents with members); false: no members; null: everything. */
  root: boolean | null;
  limit: number;
  offset: number;
};

/** A site's incident grouped under a root incident. */
export type IncidentMember = { incidentId: string; rootIncidentId: string; siteId: string; siteName: string; status: 'open' | 'resolved' };

/** Reads incidents for the API. Incidents are written only by the analyzer, through AnalysisRepository. */
@Injectable()
export class IncidentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: IncidentListQuery): Promise<{ items: IncidentEntity[]; total: number }> {
    const select = this.dataSource.getRepository(IncidentEntity).createQueryBuilder('incident');
    if (query.siteId) select.andWhere('incident.site_id = :siteId', { siteId: query.siteId });
    if (query.status) select.andWhere('incident.status = :status', { status: query.status });
    if (query.root === true) select.andWhere('EXISTS (SELECT 1 FROM incidents member WHERE member.root_incident_id = incident.id)');
    if (query.root === false) select.andWhere('incident.root_incident_id IS NULL');
    const [items, total] = await select.orderBy('incident.started_at', 'DESC').addOrderBy('incident.id', 'DESC').take(query.limit).skip(query.offset).getManyAndCount();
    return { items, total };
  }

  /** The members of these root incidents, with their sites' names. */
  async members(rootIds: string[]): Promise<IncidentMember[]> {
    if (rootIds.length === 0) return [];
    const rows: Array<{ id: string; root_incident_id: string; site_id: string; name: string; status: 'open' | 'resolved' }> = await this.dataSource.query(
      `SELECT incident.id, incident.root_incident_id, incident.site_id, site.name, incident.status
         FROM incidents incident JOIN sites site ON site.id = incident.site_id
        WHERE incident.root_incident_id = ANY($1::uuid[])
        ORDER BY site.name, incident.id`,
      [rootIds],
    );
    return rows.map((row) => ({ incidentId: row.id, rootIncidentId: row.root_incident_id, siteId: row.site_id, siteName: row.name, status: row.status }));
  }

  findById(id: string): Promise<IncidentEntity | null> {
    return this.dataSource.getRepository(IncidentEntity).findOne({ where: { id } });
  }

  timeline(incidentId: string): Promise<IncidentTimelineEntity[]> {
    return this.dataSource.getRepository(IncidentTimelineEntity).find({ where: { incidentId }, order: { id: 'ASC' } });
  }

  /** The check results an incident's evidence points at. */
  evidence(siteId: string, resultIds: string[]): Promise<CheckResultEntity[]> {
    const slots = resultIds.map(slotOfResultId).filter((slot): slot is Date => slot !== null);
    if (slots.length === 0) return Promise.resolve([]);
    // The slots each id carries let the lookup prune partitions and use the primary key.
    return this.dataSource
      .getRepository(CheckResultEntity)
      .find({ where: { siteId, slot: In(slots), id: In(resultIds) }, order: { slot: 'ASC', id: 'ASC' } });
  }
}
