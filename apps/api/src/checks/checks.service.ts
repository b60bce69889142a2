import { Injectable } from '@nestjs/common';
import { CheckResultRepository, toChainSpec } from '@hopwatch/db';
import { InvalidCursor } from '@hopwatch/domain';
import { CheckQueues } from '@hopwatch/queue';
import { SitesService } from '../sites/sites.service';
import { decodeCursor, encodeCursor, probeToResponse, toCheckResultResponse } from './check-result.mapper';
import { CheckResultPage, RegionRunResponse, RunNowResponse } from './dto/check-result.response';
import { ListChecksQuery } from './dto/list-checks.query';

const RUN_NOW_TIMEOUT_MS = 65_000;

@Injectable()
export class ChecksService {
  constructor(
    private readonly sites: SitesService,
    private readonly results: CheckResultRepository,
    private readonly queues: CheckQueues,
  ) {}

  async list(siteId: string, query: ListChecksQuery): Promise<CheckResultPage> {
    await this.sites.get(siteId);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    if (query.cursor && !after) throw new InvalidCursor();
    const limit = query.limit ?? 100;
    const rows = await this.results.list({
      siteId,
      from: query.from ? new Date(query.from) : null,
      to: query.to ? new Date(query.to) : null,
      target: query.target ?? null,
      region: query.region ?? null,
      limit,
      after,
    });
    return { items: rows.map(toCheckResultResponse), nextCursor: rows.length === limit ? encodeCursor(rows[rows.length - 1]) : null };
  }

  /** Goes through the same queue and worker code as scheduled checks; waits for every region's answer. */
  async runNow(siteId: string): Promise<RunNowResponse> {
    const site = await this.sites.get(siteId);
    const slot = Math.floor(Date.now() / 1000);
    const spec = toChainSpec(site);
    const regions = await Promise.all(
      site.regions.map(async (region): Promise<RegionRunResponse> => {
        const job = { siteId, region, slot, intervalSeconds: site.intervalSeconds, spec, manual: true };
        try {
          const outcome = await this.queues.runAndWait(job, Math.min(RUN_NOW_TIMEOUT_MS, site.timeoutMs * 2 + 5_000));
          if (outcome.missed || !outcome.run) return { region, error: 'the check was skipped', dnsDisagreement: false, results: [] };
          const results = outcome.run.results.map((result) => probeToResponse(result, region, slot));
          return { region, dnsDisagreement: outcome.run.dnsDisagreement, results };
        } catch (error) {
          return { region, error: `no worker of region "${region}" answered: ${(error as Error).message}`, dnsDisagreement: false, results: [] };
        }
      }),
    );
    return { siteId, slot: new Date(slot * 1000).toISOString(), regions };
  }
}
