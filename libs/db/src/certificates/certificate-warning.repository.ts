// Certificate expiry warnings: recorded by the worker after a run, turned into deliveries by the outbox relay.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AlertChannelEntity } from '../alerting/alert-channel.entity';
import { SiteEntity } from '../sites/site.entity';
import { Transaction } from '../unit-of-work';
import { CertificateWarningEntity } from './certificate-warning.entity';

export type CertificateKey = { target: string; validTo: Date };

export type NewCertificateWarning = CertificateKey & {
  thresholdDays: number;
  daysLeft: number;
  issuer: string | null;
  subject: string | null;
  /** False for thresholds passed together with a tighter one: recorded as spent, never announced. */
  notify: boolean;
};

@Injectable()
export class CertificateWarningRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Thresholds already recorded per certificate, keyed `target|validTo ISO`. */
  async warnedThresholds(siteId: string, certificates: CertificateKey[]): Promise<Map<string, number[]>> {
    if (certificates.length === 0) return new Map();
    const rows: Array<{ target: string; valid_to: Date; thresholds: number[] }> = await this.dataSource.query(
      `SELECT target, valid_to, array_agg(threshold_days) AS thresholds FROM certificate_warnings
        WHERE site_id = $1 AND (target, valid_to) IN (SELECT * FROM unnest($2::varchar[], $3::timestamptz[]))
        GROUP BY target, valid_to`,
      [siteId, certificates.map((certificate) => certificate.target), certificates.map((certificate) => certificate.validTo)],
    );
    return new Map(rows.map((row) => [certificateKey(row.target, row.valid_to), row.thresholds]));
  }

  /** Inserts what is new; a concurrent run that recorded the same threshold first wins, so a warning is never doubled. */
  async record(siteId: string, warnings: NewCertificateWarning[]): Promise<void> {
    if (warnings.length === 0) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CertificateWarningEntity)
      .values(warnings.map((warning) => ({ ...warning, siteId, dispatchedAt: warning.notify ? null : new Date() })))
      .orIgnore()
      .execute();
  }

  /** Warnings not yet turned into deliveries, locked for this transaction (others skip them). */
  takePending(tx: Transaction, limit: number): Promise<CertificateWarningEntity[]> {
    return tx.manager
      .getRepository(CertificateWarningEntity)
      .createQueryBuilder('warning')
      .where('warning.dispatched_at IS NULL')
      .orderBy('warning.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Marks a warning dispatched and writes one delivery per channel of its site; returns the delivery ids. */
  async dispatch(tx: Transaction, warning: CertificateWarningEntity): Promise<string[]> {
    const { manager } = tx;
    await manager.update(CertificateWarningEntity, { id: warning.id }, { dispatchedAt: new Date() });
    const site = await manager.findOne(SiteEntity, { where: { id: warning.siteId } });
    if (!site) return [];
    const channels = await manager
      .getRepository(AlertChannelEntity)
      .createQueryBuilder('channel')
      .where('channel.id = ANY(:ids) OR channel.is_default', { ids: site.alertChannelIds })
      .getMany();
    if (channels.length === 0) return [];
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO deliveries (channel_id, certificate_warning_id, site_id, notice, status)
       SELECT channel_id, $2, $3, 'certificate', 'pending' FROM unnest($1::uuid[]) AS channel_id
       ON CONFLICT ON CONSTRAINT deliveries_one_per_warning_and_channel DO NOTHING
       RETURNING id`,
      [channels.map((channel) => channel.id), warning.id, warning.siteId],
    );
    return rows.map((row) => row.id);
  }
}

export function certificateKey(target: string, validTo: Date): string {
  return `${target}|${validTo.toISOString()}`;
}
