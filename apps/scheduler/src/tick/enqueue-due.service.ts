import { Injectable } from '@nestjs/common';
import { CheckResultRepository, missedResult, NewCheckResult, ScheduleRepository, SiteEntity, toChainSpec, UnitOfWork } from '@hopwatch/db';
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
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Drains everything due now; returns how many sites were claimed. */
  async enqueueDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.claimBatch();
      total += claimed;
      if (claimed < CLAIM_BATCH) return total;
    }
  }

  /** Locks due sites, enqueues them, then advances their next_run_at in the same transaction: if enqueueing throws, nothing moves. */
  private claimBatch(): Promise<number> {
    return this.unitOfWork.run(async (tx) => {
      const sites = await this.schedule.lockDue(tx, CLAIM_BATCH);
      if (sites.length === 0) return 0;
      await this.schedule.advance(tx, await this.dispatch(sites));
      return sites.length;
    });
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
