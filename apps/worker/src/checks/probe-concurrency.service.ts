// Sizes the worker's probe slots from its event loop every second (see libs/domain/src/schedule/probe-concurrency.ts
// for the rule), and the checks jobs it fetches with them.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventLoopUtilization, performance } from 'node:perf_hooks';
import { nextProbeConcurrency, ProbeConcurrencyBounds } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, RepeatingTask } from '@hopwatch/platform';
import { JobWorkers } from '@hopwatch/queue';
import { eventLoopUtilization as utilizationGauge, probeConcurrency } from '../worker.metrics';
import { ProbeSlots } from './probe-slots';

const PERIOD_MS = 1_000;

/**
 * Checks jobs fetched for a number of probe slots. A job also waits for its results to be committed, so five times
 * the jobs that fill the slots are fetched: the next batches probe while earlier ones wait for their commit.
 */
export function checkJobsFor(probeSlots: number, batchSize: number): number {
  return 5 * Math.ceil(probeSlots / batchSize);
}

@Injectable()
export class ProbeConcurrency implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProbeConcurrency.name);
  private readonly bounds: ProbeConcurrencyBounds;
  private readonly loop: RepeatingTask;
  private lastLook: EventLoopUtilization = performance.eventLoopUtilization();

  constructor(
    private readonly slots: ProbeSlots,
    private readonly jobWorkers: JobWorkers,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {
    this.bounds = { floor: config.workerConcurrency, ceiling: config.workerConcurrencyMax };
    this.loop = new RepeatingTask(async () => this.adjust(), PERIOD_MS, (error) => this.logger.warn(`sizing probe slots failed: ${error.message}`), { unref: true });
  }

  onApplicationBootstrap(): void {
    probeConcurrency.set({ region: this.config.region }, this.slots.limit);
    if (this.bounds.floor < this.bounds.ceiling) this.loop.start(PERIOD_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * One period's look at the loop: its utilization since the last look (tests may give it, since an idle period
   * on a loaded machine can read busy); returns the number of slots from now on.
   */
  adjust(utilization = this.utilizationSinceLastLook()): number {
    utilizationGauge.set(utilization);
    const current = this.slots.limit;
    const next = nextProbeConcurrency(current, { loopUtilization: utilization, saturated: this.slots.takeSaturation() }, this.bounds);
    if (next !== current) {
      this.slots.resize(next);
      this.jobWorkers.setConcurrency('checks', checkJobsFor(next, this.config.checkBatchSize));
      probeConcurrency.set({ region: this.config.region }, next);
      this.logger.debug(`probe slots ${current} → ${next} (event loop ${Math.round(utilization * 100)} % busy)`);
    }
    return next;
  }

  private utilizationSinceLastLook(): number {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, this.lastLook);
    this.lastLook = now;
    return utilization;
  }
}
