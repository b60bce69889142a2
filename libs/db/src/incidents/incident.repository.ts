import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CheckResultEntity } from '../checks/check-result.entity';
import { IncidentTimelineEntity } from './incident-timeline.entity';
import { IncidentEntity } from './incident.entity';

export type IncidentListQuery = { siteId: string | null; status: 'open' | 'resolved' | null; limit: number; offset: number };

/** Reads incidents for the API. Incidents are written only by the analyzer, through AnalysisRepository. */
@Injectable()
export class IncidentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: IncidentListQuery): Promise<{ items: IncidentEntity[]; total: number }> {
    const where = { ...(query.siteId ? { siteId: query.siteId } : {}), ...(query.status ? { status: query.status } : {}) };
    const [items, total] = await this.dataSource.getRepository(IncidentEntity).findAndCount({
      where,
      order: { startedAt: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  findById(id: string): Promise<IncidentEntity | null> {
    return this.dataSource.getRepository(IncidentEntity).findOne({ where: { id } });
  }

  timeline(incidentId: string): Promise<IncidentTimelineEntity[]> {
    return this.dataSource.getRepository(IncidentTimelineEntity).find({ where: { incidentId }, order: { id: 'ASC' } });
  }

  /** The check results an incident's evidence points at. */
  evidence(siteId: string, resultIds: string[]): Promise<CheckResultEntity[]> {
    if (resultIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(CheckResultEntity).find({ where: { siteId, id: In(resultIds) }, order: { slot: 'ASC', id: 'ASC' } });
  }
}
