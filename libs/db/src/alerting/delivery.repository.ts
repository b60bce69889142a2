import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { CertificateWarningEntity } from '../certificates/certificate-warning.entity';
import { IncidentEventEntity } from '../incidents/incident-event.entity';
import { IncidentEntity } from '../incidents/incident.entity';
import { SiteEntity } from '../sites/site.entity';
import { DeliveryAttempt, DeliveryEntity, DeliveryStatus } from './delivery.entity';

export type DeliveryContext = {
  delivery: DeliveryEntity;
  incident: IncidentEntity | null;
  site: SiteEntity | null;
  eventAt: Date;
  /** Set when the notice is a certificate expiry warning. */
  certificate: CertificateWarningEntity | null;
  /** For a root incident: the other sites it groups; those still failing while it is open, every one once it is over. */
  memberSites: string[];
};

@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get deliveries() {
    return this.dataSource.getRepository(DeliveryEntity);
  }

  createTest(channelId: string): Promise<DeliveryEntity> {
    return this.deliveries.save(this.deliveries.create({ channelId, notice: 'test', status: 'pending', attemptLog: [] }));
  }

  findWithChannel(id: string): Promise<DeliveryEntity | null> {
    return this.deliveries.findOne({ where: { id }, relations: { channel: true } });
  }

  /** Appends one attempt to the log and moves the delivery on; a delivery already settled is never changed again. */
  async recordAttempt(id: string, attempt: DeliveryAttempt, status: DeliveryStatus): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE deliveries
          SET attempts = attempts + 1, status = $2::varchar, last_error = $3, response_status = $4,
              attempt_log = attempt_log || $5::jsonb, updated_at = now(),
              delivered_at = CASE WHEN $2::varchar = 'delivered' THEN now() ELSE delivered_at END
        WHERE id = $1 AND status = 'pending'`,
      [id, status, attempt.error, attempt.responseStatus, JSON.stringify([attempt])],
    );
    return result[1] > 0;
  }

  /** Everything a notice needs: the delivery with its channel, and the incident and site it speaks of. */
  async context(id: string): Promise<DeliveryContext | null> {
    const delivery = await this.findWithChannel(id);
    if (!delivery) return null;
    const incident = delivery.incidentId ? await this.dataSource.getRepository(IncidentEntity).findOne({ where: { id: delivery.incidentId } }) : null;
    const site = delivery.siteId ? await this.dataSource.getRepository(SiteEntity).findOne({ where: { id: delivery.siteId } }) : null;
    const event = delivery.eventId ? await this.dataSource.getRepository(IncidentEventEntity).findOne({ where: { id: delivery.eventId } }) : null;
    const certificate = delivery.certificateWarningId
      ? await this.dataSource.getRepository(CertificateWarningEntity).findOne({ where: { id: delivery.certificateWarningId } })
      : null;
    return {
      delivery,
      incident,
      site,
      eventAt: event?.createdAt ?? certificate?.createdAt ?? delivery.createdAt,
      memberSites: incident ? await this.memberSites(incident.id, incident.status === 'resolved') : [],
      certificate,
    };
  }

  private async memberSites(rootIncidentId: string, everyOne: boolean): Promise<string[]> {
    const rows: Array<{ name: string }> = await this.dataSource.query(
      `SELECT DISTINCT site.name FROM incidents member JOIN sites site ON site.id = member.site_id
        WHERE member.root_incident_id = $1 AND (member.status = 'open' OR $2) ORDER BY site.name`,
      [rootIncidentId, everyOne],
    );
    return rows.map((row) => row.name);
  }

  listForChannel(channelId: string, limit: number, offset: number): Promise<[DeliveryEntity[], number]> {
    return this.deliveries.findAndCount({ where: { channelId }, order: { createdAt: 'DESC' }, take: limit, skip: offset });
  }

  /** Pending deliveries nobody has touched for a while: their job may have been lost with Redis. */
  async stalePending(untouchedSince: Date, limit: number): Promise<string[]> {
    const rows = await this.deliveries.find({ select: { id: true }, where: { status: 'pending', updatedAt: LessThan(untouchedSince) }, take: limit });
    return rows.map((row) => row.id);
  }

  async touch(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.dataSource.query('UPDATE deliveries SET updated_at = now() WHERE id = ANY($1)', [ids]);
  }
}
