import { Injectable } from '@nestjs/common';
import { IncidentRepository } from '@hopwatch/db';
import { IncidentNotFound } from '@hopwatch/domain';
import { toCheckResultResponse } from '../checks/check-result.mapper';
import { SitesService } from '../sites/sites.service';
import { IncidentDetailResponse, IncidentListResponse } from './dto/incident.response';
import { ListIncidentsQuery } from './dto/list-incidents.query';
import { toIncidentResponse, toTimelineEntry } from './incident.mapper';

@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly sites: SitesService,
  ) {}

  async list(siteId: string | null, query: ListIncidentsQuery): Promise<IncidentListResponse> {
    if (siteId) await this.sites.get(siteId);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const root = query.root === undefined ? null : query.root === 'true';
    const page = await this.incidents.list({ siteId, status: query.status ?? null, root, limit, offset });
    const members = await this.incidents.members(page.items.map((incident) => incident.id));
    const membersOf = (id: string) => members.filter((member) => member.rootIncidentId === id);
    return { items: page.items.map((incident) => toIncidentResponse(incident, membersOf(incident.id))), total: page.total, limit, offset };
  }

  async get(id: string): Promise<IncidentDetailResponse> {
    const incident = await this.incidents.findById(id);
    if (!incident) throw new IncidentNotFound(id);
    const resultIds = [...new Set(incident.diagnosis.evidence.flatMap((evidence) => evidence.resultIds))];
    const [timeline, evidence, members] = await Promise.all([this.incidents.timeline(id), this.incidents.evidence(incident.siteId, resultIds), this.incidents.members([id])]);
    return { ...toIncidentResponse(incident, members), timeline: timeline.map(toTimelineEntry), evidenceResults: evidence.map(toCheckResultResponse) };
  }
}
