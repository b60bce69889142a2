import { Injectable } from '@nestjs/common';
import { CheckResultRepository, missedResult, NewCheckResult, ScheduleRepository, SiteEntity, toChainSpec } from '@hopwatch/db';
import { planDueSlots } from '@hopwatch/domain';
import { CheckJob, CheckQueues } from '@hopwatch/queue';
import { enqueuedChecks, missedSlots } from './scheduler.metrics';

const CLAIM_BATCH = 1_000;

/** Claims due sites, enqueues one job per (site, region, slot), records slots too late to run, advances the schedule. */
@Injectable()
export class EnqueueDueService {
  constructor(
    private readonly schedule: ScheduleRepository,
    private readonly queues: CheckQueues,
    private readonly results: CheckResultRepository,
  ) {}

  /** Drains everything due now; returns how many sites were claimed. */
  async enqueueDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.schedule.claimDue(CLAIM_BATCH, (sites) => this.dispatch(sites));
      total += claimed;
      if (claimed < CLAIM_BATCH) return total;
    }
  }

  private async dispatch(sites: SiteEntity[]): Promise<Map<string, Date>> {
    const nowSeconds = Date.now() / 1000;
    const jobs: CheckJob[] = [];
    const missed: NewCheckResult[] = [];
    const next = new Map<string, Date>();
    for (const site of sites) {
      const plan = planDueSlots(Math.round(site.nextRunAt.getTime() / 1000), nowSeconds, site.intervalSeconds);
      const spec = toChainSpec(site);
      for (const region of site.regions) {
        jobs.push({ siteId: site.id, region, slot: plan.run, intervalSeconds: site.intervalSeconds, spec });
        for (const slot of plan.missed) missed.push(missedResult(site.id, region, slot));
      }
      next.set(site.id, new Date(plan.next * 1000));
    }
    await this.queues.enqueue(jobs);
    await this.results.insertMany(missed);
    for (const job of jobs) enqueuedChecks.inc({ region: job.region });
    missedSlots.inc(missed.length);
    return next;
  }
}
