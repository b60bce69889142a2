// Workers post how late their checks start; any api replica reads the board for /health/ready. One Redis hash,
// a field per (region, worker), each report dated so a worker that went away stops counting.
import { Inject, Injectable } from '@nestjs/common';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { REDIS } from './queue.module.tokens';
import type { RedisConnection } from './redis';

export type LatenessReport = { region: string; behind: boolean; p99Seconds: number; checks: number; behindSince: string | null };
type Posted = LatenessReport & { reportedAt: number };

/** A report older than this is from a worker that stopped reporting. */
const FRESH_MS = 60_000;

@Injectable()
export class LatenessBoard {
  private readonly key: string;

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(HOPWATCH_CONFIG) config: HopwatchConfig,
  ) {
    this.key = `${config.redisPrefix}:pipeline:lateness`;
  }

  async post(worker: string, report: LatenessReport, nowMs = Date.now()): Promise<void> {
    const posted: Posted = { ...report, reportedAt: nowMs };
    await this.redis.multi().hset(this.key, `${report.region}|${worker}`, JSON.stringify(posted)).pexpire(this.key, FRESH_MS).exec();
  }

  /** One line per region from the fresh reports: behind if any worker of it is, with the worst p99. */
  async regions(nowMs = Date.now()): Promise<LatenessReport[]> {
    const fields = await this.redis.hgetall(this.key);
    const byRegion = new Map<string, LatenessReport>();
    for (const raw of Object.values(fields)) {
      const report = JSON.parse(raw) as Posted;
      if (nowMs - report.reportedAt > FRESH_MS) continue;
      const { reportedAt: _reportedAt, ...line } = report;
      const seen = byRegion.get(report.region);
      byRegion.set(report.region, seen ? merged(seen, line) : line);
    }
    return [...byRegion.values()].sort((a, b) => a.region.localeCompare(b.region));
  }
}

function merged(a: LatenessReport, b: LatenessReport): LatenessReport {
  const since = [a.behindSince, b.behindSince].filter((value): value is string => value !== null).sort()[0] ?? null;
  return { region: a.region, behind: a.behind || b.behind, p99Seconds: Math.max(a.p99Seconds, b.p99Seconds), checks: a.checks + b.checks, behindSince: since };
}
