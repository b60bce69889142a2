// The pings of push (heartbeat) monitors: recorded by the API, read by the worker that judges them.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Heartbeat, PingKind } from '@hopwatch/domain';
import { SiteEntity } from '../sites/site.entity';

const COLUMN_BY_KIND: Record<PingKind, 'push_last_success_at' | 'push_last_start_at' | 'push_last_fail_at'> = {
  success: 'push_last_success_at',
  start: 'push_last_start_at',
  fail: 'push_last_fail_at',
};

@Injectable()
export class PushRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a ping; false when no monitor has this token. A late-arriving older ping never moves a time back. */
  async recordPing(token: string, kind: PingKind, at: Date): Promise<boolean> {
    const column = COLUMN_BY_KIND[kind];
    const [, affected] = (await this.dataSource.query(
      `UPDATE sites SET ${column} = greatest(${column}, $2) WHERE push_token = $1`,
      [token, at],
    )) as [unknown, number];
    return affected > 0;
  }

  /** What the worker judges a push monitor by; null when the site is gone or no longer a push monitor. */
  async heartbeatOf(siteId: string): Promise<Heartbeat | null> {
    const site = await this.dataSource.getRepository(SiteEntity).findOne({ where: { id: siteId } });
    if (!site || site.pushPeriodSeconds === null || site.pushGraceSeconds === null) return null;
    return {
      periodSeconds: site.pushPeriodSeconds,
      graceSeconds: site.pushGraceSeconds,
      watchingSince: site.createdAt,
      lastSuccessAt: site.pushLastSuccessAt,
      lastStartAt: site.pushLastStartAt,
      lastFailAt: site.pushLastFailAt,
    };
  }
}
