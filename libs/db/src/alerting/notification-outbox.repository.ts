import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { NoticeHistory } from '@hopwatch/domain';
import { IncidentEventEntity } from '../incidents/incident-event.entity';
import { IncidentEntity } from '../incidents/incident.entity';
import { SiteEntity } from '../sites/site.entity';
import { Transaction } from '../unit-of-work';
import { AlertChannelEntity } from './alert-channel.entity';
import { Notice } from './delivery.entity';
import { MaintenanceWindowEntity } from './maintenance-window.entity';

export type OutboxContext = {
  event: IncidentEventEntity;
  incident: IncidentEntity;
  site: SiteEntity;
  channels: AlertChannelEntity[];
  windows: MaintenanceWindowEntity[];
  history: NoticeHistory;
};

/** `notice` set: one delivery per channel. `outcome` is recorded on the event either way. */
export type OutboxDecision = { outcome: string; notice: Notice | null; markMaintenance: boolean };

/** An event whose incident or site is gone is recorded as superseded and notifies no one. */
export const SUPERSEDED: OutboxDecision = { outcome: 'superseded', notice: null, markMaintenance: false };

/**
 * How long undispatched events may be held: resolutions until their quiet period is over; notices of incidents other
 * sites can join for grouping (see GROUPING_HOLD), a root's update at most `settleCapSeconds`.
 */
export type OutboxHolds = { resolveQuietSeconds: number; groupingSeconds: number; settleCapSeconds: number };

/**
 * Notices show the incident as it is when sent, so holding one back lets it list the sites that join meanwhile.
 * Only incidents other sites can join (with shared hop keys) are held: an opened notice for the grouping window,
 * but never past the site's detection deadline (confirmations × interval + 2 s from the fault, which can be up to an
 * interval before the first failed check; 1 s is kept to deliver); a root's updated notice until no site has joined
 * it for the grouping window, at most the settle cap. So the opened notice lists the sites confirmed with the first,
 * and the root's one update lists the group once it has settled.
 */
const GROUPING_HOLD = `
  SELECT 1 FROM incidents held JOIN sites held_site ON held_site.id = held.site_id
   WHERE held.id = event.incident_id AND cardinality(held.shared_hop_keys) > 0 AND (
     (event.type = 'incident.opened' AND event.created_at > now() - make_interval(secs => :grouping)
       AND now() < held.started_at + make_interval(secs => (held_site.confirmations - 1) * held_site.interval_seconds + 1))
     OR (event.type = 'incident.updated' AND event.created_at > now() - make_interval(secs => :settleCap)
       AND EXISTS (SELECT 1 FROM incidents joined WHERE joined.root_incident_id = held.id AND joined.confirmed_at > now() - make_interval(secs => :grouping))))`;

@Injectable()
export class NotificationOutboxRepository {
  /** Locks up to `limit` undispatched events that are no longer held, skipping those another worker holds. */
  takePending(tx: Transaction, limit: number, holds: OutboxHolds): Promise<IncidentEventEntity[]> {
    return tx.manager
      .getRepository(IncidentEventEntity)
      .createQueryBuilder('event')
      .where('event.dispatched_at IS NULL')
      .andWhere(`(event.type <> 'incident.resolved' OR event.created_at <= now() - make_interval(secs => :quiet))`, { quiet: holds.resolveQuietSeconds })
      .andWhere(`NOT EXISTS (${GROUPING_HOLD})`, { grouping: holds.groupingSeconds, settleCap: holds.settleCapSeconds })
      .orderBy('event.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /**
   * Marks the event dispatched with the decision's outcome and, for a notice, writes one delivery per channel
   * (at most once per event and channel). Returns the ids of the deliveries created, to be queued after commit.
   */
  async record(tx: Transaction, event: IncidentEventEntity, context: OutboxContext | null, decision: OutboxDecision): Promise<string[]> {
    const { manager } = tx;
    await manager.update(IncidentEventEntity, { id: event.id }, { dispatchedAt: new Date(), outcome: decision.outcome });
    if (decision.markMaintenance) await manager.update(IncidentEntity, { id: event.incidentId }, { inMaintenance: true });
    if (!context || !decision.notice || context.channels.length === 0) return [];
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO deliveries (channel_id, event_id, incident_id, site_id, notice, status)
       SELECT channel_id, $2, $3, $4, $5, 'pending' FROM unnest($1::uuid[]) AS channel_id
       ON CONFLICT ON CONSTRAINT deliveries_one_per_event_and_channel DO NOTHING
       RETURNING id`,
      [context.channels.map((channel) => channel.id), event.id, event.incidentId, event.siteId, decision.notice],
    );
    return rows.map((row) => row.id);
  }

  /** What deciding on the event needs; null when its incident or site no longer exists. */
  async contextOf(tx: Transaction, event: IncidentEventEntity): Promise<OutboxContext | null> {
    const { manager } = tx;
    const incident = await manager.findOne(IncidentEntity, { where: { id: event.incidentId } });
    const site = await manager.findOne(SiteEntity, { where: { id: event.siteId } });
    if (!incident || !site) return null;
    const channels = await manager
      .getRepository(AlertChannelEntity)
      .createQueryBuilder('channel')
      .where('channel.id = ANY(:ids) OR channel.is_default', { ids: site.alertChannelIds })
      .getMany();
    const windows = await manager
      .getRepository(MaintenanceWindowEntity)
      .createQueryBuilder('window')
      .where('window.starts_at <= :at AND window.ends_at > :at', { at: event.createdAt })
      .getMany();
    return { event, incident, site, channels, windows, history: await this.history(manager, event.incidentId) };
  }

  private async history(manager: EntityManager, incidentId: string): Promise<NoticeHistory> {
    const rows: Array<{ outcome: string; at: Date }> = await manager.query(
      `SELECT outcome, max(dispatched_at) AS at FROM incident_events
        WHERE incident_id = $1 AND outcome IN ('opened', 'updated', 'flapping') GROUP BY outcome`,
      [incidentId],
    );
    const at = (outcome: string) => rows.find((row) => row.outcome === outcome)?.at ?? null;
    return { opened: at('opened') !== null, openedAt: at('opened'), flapping: at('flapping') !== null, lastUpdateAt: at('updated') };
  }
}
