import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CheckResultEntity } from '../checks/check-result.entity';
import { attachHops } from '../sites/attach-hops';
import { SiteEntity } from '../sites/site.entity';
import { Transaction } from '../unit-of-work';
import type { IncidentEventType } from '@hopwatch/domain';
import { IncidentEntity } from './incident.entity';
import { TimelineKind } from './incident-timeline.entity';

/** For a root incident: its members still open, how many other sites it has grouped in all, and when the last one ended. */
export type RootMembers = { open: number; sites: number; lastResolvedAt?: Date | null };

export type AnalysisInputs = { site: SiteEntity; results: CheckResultEntity[]; latest: IncidentEntity | null; members: RootMembers };

export const NO_MEMBERS: RootMembers = { open: 0, sites: 0 };

export type IncidentFields = Omit<IncidentEntity, 'id' | 'site' | 'siteId' | 'inMaintenance' | 'rootIncidentId' | 'root'>;

/** An open root incident a new one may join: it blames a hop other sites may share. */
export type RootCandidateRow = { id: string; cause: string; keys: string[] };

/** What one analysis decided to persist: the incident's new fields (id null: a new incident), its timeline and events. */
export type IncidentWrite = {
  incidentId: string | null;
  fields: IncidentFields;
  timeline: Array<{ kind: TimelineKind; message: string; detail: Record<string, unknown> }>;
  events: IncidentEventType[];
  /** A new incident whose failing hop may be shared: picks the open root to join, if any (then it tells nobody itself). */
  joinRoot?: (candidates: RootCandidateRow[]) => string | null;
};

const MAX_WINDOW_ROWS = 5_000;

@Injectable()
export class AnalysisRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async hasOpenIncident(siteId: string): Promise<boolean> {
    return (await this.withOpenIncident([siteId])).has(siteId);
  }

  /** Which of these sites have an open incident, in one index probe per site and one round trip. */
  async withOpenIncident(siteIds: string[]): Promise<Set<string>> {
    const rows: Array<{ site_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT site_id FROM incidents WHERE site_id = ANY($1::uuid[]) AND status = 'open'`,
      [siteIds],
    );
    return new Set(rows.map((row) => row.site_id));
  }

  /** A per-site lock held until `tx` ends: regions analysing the same site take turns. */
  async lockSite(tx: Transaction, siteId: string): Promise<void> {
    await tx.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`hopwatch:analyze:${siteId}`]);
  }

  /**
   * The site with its hops, its results since `since` (oldest first) and its latest incident; null when the site is gone.
   * `without` leaves out one run's results (region and slot in epoch seconds): the caller already holds them.
   */
  async inputs(tx: Transaction, siteId: string, since: Date, without: { region: string; slot: number } | null = null): Promise<AnalysisInputs | null> {
    const site = await tx.manager.findOne(SiteEntity, { where: { id: siteId } });
    if (!site) return null;
    await attachHops(tx.manager, [site]);
    const window = tx.manager
      .createQueryBuilder(CheckResultEntity, 'result')
      .where('result.site_id = :siteId AND result.slot >= :since', { siteId, since })
      .orderBy('result.slot', 'ASC')
      .addOrderBy('result.id', 'ASC')
      .limit(MAX_WINDOW_ROWS);
    if (without) window.andWhere('NOT (result.region = :region AND result.slot = :slot)', { region: without.region, slot: new Date(without.slot * 1000) });
    const results = await window.getMany();
    const latest = await tx.manager.findOne(IncidentEntity, { where: { siteId }, order: { startedAt: 'DESC' } });
    return { site, results, latest, members: latest ? await this.members(tx, latest.id) : NO_MEMBERS };
  }

  async members(tx: Transaction, rootIncidentId: string): Promise<RootMembers> {
    const [row]: RootMembers[] = await tx.manager.query(
      `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(DISTINCT site_id)::int AS sites, max(resolved_at) AS "lastResolvedAt"
         FROM incidents WHERE root_incident_id = $1`,
      [rootIncidentId],
    );
    return row ?? NO_MEMBERS;
  }

  /** A member's root, read under its site's lock (taken after the member's: roots never wait for members' locks). */
  async lockedRoot(tx: Transaction, rootIncidentId: string): Promise<IncidentEntity | null> {
    const root = await tx.manager.findOne(IncidentEntity, { where: { id: rootIncidentId } });
    if (!root) return null;
    await this.lockSite(tx, root.siteId);
    return tx.manager.findOne(IncidentEntity, { where: { id: rootIncidentId } });
  }

  /** Its resolved notice went out (or was decided on): people were told it is over. */
  async resolutionAnnounced(tx: Transaction, incidentId: string): Promise<boolean> {
    const rows = await tx.manager.query(`SELECT 1 FROM incident_events WHERE incident_id = $1 AND type = 'incident.resolved' AND dispatched_at IS NOT NULL`, [incidentId]);
    return rows.length > 0;
  }

  /** A member whose root is over and announced speaks for itself again: its failure is news of its own. */
  async detachMember(tx: Transaction, memberId: string, siteId: string): Promise<void> {
    await tx.manager.update(IncidentEntity, { id: memberId }, { rootIncidentId: null });
    await tx.manager.query(`INSERT INTO incident_timeline (incident_id, at, kind, message, detail) VALUES ($1, now(), 'reopened', $2, '{}')`, [
      memberId,
      'Its root incident is over and was announced as such: this incident fails on and speaks for itself.',
    ]);
    await tx.manager.query(`INSERT INTO incident_events (incident_id, site_id, type) VALUES ($1, $2, 'incident.opened')`, [memberId, siteId]);
  }

  /** Writes the incident, its timeline entries and its outbox events; returns the incident's id. */
  async persist(tx: Transaction, siteId: string, write: IncidentWrite): Promise<string> {
    const { manager } = tx;
    let incidentId = write.incidentId;
    if (incidentId) {
      await manager.update(IncidentEntity, { id: incidentId }, write.fields);
    } else {
      const rootIncidentId = await this.rootToJoin(manager, siteId, write);
      const inserted = await manager.insert(IncidentEntity, { ...write.fields, siteId, rootIncidentId });
      incidentId = inserted.identifiers[0].id as string;
      if (rootIncidentId) write = await this.joinedRoot(manager, rootIncidentId, incidentId, write);
    }
    if (write.timeline.length > 0) {
      await manager.query(
        `INSERT INTO incident_timeline (incident_id, at, kind, message, detail)
         SELECT $1, now(), kind, message, detail FROM unnest($2::varchar[], $3::text[], $4::jsonb[]) AS t(kind, message, detail)`,
        [incidentId, write.timeline.map((entry) => entry.kind), write.timeline.map((entry) => entry.message), write.timeline.map((entry) => JSON.stringify(entry.detail))],
      );
    }
    for (const type of write.events) {
      await manager.query('INSERT INTO incident_events (incident_id, site_id, type) VALUES ($1, $2, $3)', [incidentId, siteId, type]);
    }
    return incidentId;
  }

  // Sites failing at one shared hop open at nearly the same moment: one lock makes them take turns, so the first
  // becomes the root and the others find it.
  private async rootToJoin(manager: EntityManager, siteId: string, write: IncidentWrite): Promise<string | null> {
    if (!write.joinRoot || write.fields.sharedHopKeys.length === 0) return null;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['hopwatch:shared-hop-roots']);
    const candidates: RootCandidateRow[] = await manager.query(
      `SELECT id, cause, shared_hop_keys AS keys FROM incidents
        WHERE status = 'open' AND root_incident_id IS NULL AND site_id <> $1 AND shared_hop_keys && $2::text[]
        ORDER BY started_at, id`,
      [siteId, write.fields.sharedHopKeys],
    );
    return write.joinRoot(candidates);
  }

  /** The member says nothing itself; the root records who joined and tells its channels (updates are rate-limited). */
  private async joinedRoot(manager: EntityManager, rootIncidentId: string, memberId: string, write: IncidentWrite): Promise<IncidentWrite> {
    await manager.query(
      `INSERT INTO incident_timeline (incident_id, at, kind, message, detail) VALUES ($1, now(), 'updated', $2, $3)`,
      [rootIncidentId, 'Another site fails at the same shared hop; its incident joins this one.', JSON.stringify({ memberIncidentId: memberId })],
    );
    const [root] = await manager.query('SELECT site_id FROM incidents WHERE id = $1', [rootIncidentId]);
    await manager.query(`INSERT INTO incident_events (incident_id, site_id, type) VALUES ($1, $2, 'incident.updated')`, [rootIncidentId, root.site_id]);
    const timeline = write.timeline.map((entry) => ({ ...entry, message: `Part of root incident ${rootIncidentId}: ${entry.message}`, detail: { ...entry.detail, rootIncidentId } }));
    return { ...write, timeline, events: [] };
  }
}
