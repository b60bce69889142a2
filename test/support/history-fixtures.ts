// Sites and check results for history tests, written straight to the database.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { NewCheckResult } from '../../libs/db/src/checks/check-result.types';

export type SiteRow = { intervalSeconds?: number; regions?: string[]; paused?: boolean; createdAt?: Date };

/** Inserts a bare site (no hops; results may still name any target) and returns its id. */
export async function insertSite(dataSource: DataSource, site: SiteRow = {}): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO sites (id, name, url, method, interval_seconds, timeout_ms, expect_status, regions, dns_resolvers, tags,
                        alert_channel_ids, confirmations, recoveries, paused, next_run_at, created_at)
     VALUES ($1, $6, 'https://shop.example.com/', 'GET', $2, 10000, '200-399', $3, '{}', '{}', '{}', 2, 2, $4,
             now() + interval '1 day', $5)`,
    [id, site.intervalSeconds ?? 60, site.regions ?? ['default'], site.paused ?? false, (site.createdAt ?? new Date()).toISOString(), `history-${id}`],
  );
  return id;
}

export type ResultFields = {
  target?: string;
  region?: string;
  ok?: boolean;
  status?: number | null;
  errorCode?: NewCheckResult['errorCode'];
  totalMs?: number;
};

/** A result of `siteId` for the slot at `slot` (epoch seconds): by default an entry check answered 200 in 100 ms. */
export function aResult(siteId: string, slot: number, fields: ResultFields = {}): NewCheckResult {
  const ok = fields.ok ?? true;
  return {
    siteId,
    slot,
    region: fields.region ?? 'default',
    gateway: null,
    target: fields.target ?? 'entry',
    kind: 'http',
    ok,
    startedAt: new Date(slot * 1000 + 50).toISOString(),
    status: fields.status === undefined ? (ok ? 200 : 502) : fields.status,
    errorCode: fields.errorCode ?? null,
    errorMessage: null,
    timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 5, totalMs: fields.totalMs ?? 100 },
    remoteAddress: '127.0.0.1',
    headers: { server: 'nginx' },
    bodySnippet: null,
    tls: null,
    dns: null,
  };
}

/** Results for consecutive slots from `firstSlot`, one per mark: `+` up (200), `-` down (502), `.` no check. */
export function resultsFor(siteId: string, firstSlot: number, intervalSeconds: number, marks: string, fields: ResultFields = {}): NewCheckResult[] {
  return [...marks].flatMap((mark, index) =>
    mark === '.' ? [] : [aResult(siteId, firstSlot + index * intervalSeconds, { ...fields, ok: mark === '+' })],
  );
}
