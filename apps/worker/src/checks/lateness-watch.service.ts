// Past its capacity a worker does not fail: its checks start later and later until slots are missed. This says
// so while there is still time to act: one warning line with the figures when the p99 lateness passes the
// threshold, one line when it is back under, a metric, and a report /health/ready reads.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { LatenessVerdict, LatenessWindow } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, RepeatingTask } from '@hopwatch/platform';
import { LatenessBoard } from '@hopwatch/queue';
import { DependencyMonitor } from '@hopwatch/runtime';
import { checksBehind, recentLatenessP99 } from '../worker.metrics';
import { ProbeSlots } from './probe-slots';

const WINDOW_MS = 30_000;
const EVALUATE_EVERY_MS = 5_000;

@Injectable()
export class LatenessWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LatenessWatch.name);
  private readonly window: LatenessWindow;
  private readonly loop: RepeatingTask;
  private readonly worker = `${hostname()}:${process.pid}`;

  constructor(
    private readonly board: LatenessBoard,
    private readonly dependencies: DependencyMonitor,
    private readonly slots: ProbeSlots,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {
    this.window = new LatenessWindow(WINDOW_MS, config.latenessWarnSeconds);
    this.loop = new RepeatingTask(() => this.evaluate(), EVALUATE_EVERY_MS, async (error) => {
      if (!(await this.dependencies.explains(error))) this.logger.warn(`posting check lateness failed: ${error.message}`);
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start(EVALUATE_EVERY_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** A scheduled check started `latenessSeconds` after its slot. */
  record(latenessSeconds: number): void {
    this.window.record(Date.now(), latenessSeconds);
  }

  async evaluate(nowMs = Date.now()): Promise<LatenessVerdict> {
    const region = this.config.region;
    const verdict = this.window.evaluate(nowMs);
    checksBehind.set({ region }, verdict.behind ? 1 : 0);
    recentLatenessP99.set({ region }, verdict.p99Seconds);
    this.announce(region, verdict);
    const behindSince = verdict.behindSince === null ? null : new Date(verdict.behindSince).toISOString();
    await this.board.post(this.worker, { region, behind: verdict.behind, p99Seconds: verdict.p99Seconds, checks: verdict.checks, behindSince }, nowMs);
    return verdict;
  }

  /** Below its ceiling the worker already probes as many checks as its event loop has time for. */
  private remedy(): string {
    return this.slots.limit >= this.config.workerConcurrencyMax ? 'add workers or raise HOPWATCH_WORKER_CONCURRENCY_MAX' : 'add workers';
  }

  private announce(region: string, verdict: LatenessVerdict): void {
    const p99 = `p99 slot lateness ${verdict.p99Seconds.toFixed(1)} s over the last ${WINDOW_MS / 1000} s`;
    if (verdict.change?.to === 'behind') {
      this.logger.warn(
        `checks are running behind in region ${region}: ${p99} (${verdict.checks} checks, worst ${verdict.maxSeconds.toFixed(1)} s, ` +
          `threshold ${this.config.latenessWarnSeconds} s); this worker probes ${this.slots.limit} checks at once ` +
          `(at most ${this.config.workerConcurrencyMax}): ${this.remedy()} before slots are missed`,
      );
    } else if (verdict.change?.to === 'caught-up') {
      this.logger.log(`checks caught up in region ${region} after ${(verdict.change.afterMs / 1000).toFixed(1)} s: ${p99}`);
    }
  }
}
