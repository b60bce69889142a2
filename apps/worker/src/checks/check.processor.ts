import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { missedResult } from '@hopwatch/db';
import { ChainRun, ENTRY_TARGET, ProbeResult } from '@hopwatch/domain';
import { CheckBatchJob, CheckBatchOutcome, CheckJob, CheckJobOutcome, LiveEventPublisher, OnJob } from '@hopwatch/queue';
import { AnalyzerService } from '../analysis/analyzer.service';
import { freshlyStoredRun } from '../analysis/observed-runs';
import { ResultWriter } from '../results/result-writer.service';
import { checkOutcomes, probeDuration, probePhaseDuration, slotLateness } from '../worker.metrics';
import { CertificateWatch } from './certificate-watch.service';
import { ChainRunner } from './chain-runner.service';
import { LatenessWatch } from './lateness-watch.service';
import { liveEventsOf } from './live-events-of';
import { ProbeSlots } from './probe-slots';

/**
 * Handles `check.batch` (scheduled checks) and `check.run` (one check, run now) on `checks-<region>`: probe each
 * chain, hand the results to the writer, complete once stored or buffered.
 */
@Injectable()
export class CheckProcessor {
  constructor(
    private readonly runner: ChainRunner,
    private readonly writer: ResultWriter,
    private readonly analyzer: AnalyzerService,
    private readonly certificates: CertificateWatch,
    private readonly live: LiveEventPublisher,
    private readonly lateness: LatenessWatch,
    /**
     * Count checks probing, whichever jobs they came in. A check waiting for its results to be committed holds no
     * slot: with slots held until the commit, a worker's throughput was capped at slots ÷ commit latency, however
     * idle its CPU.
     */
    private readonly probeSlots: ProbeSlots,
  ) {}

  @OnJob('check.run')
  process(job: Job<CheckJob>): Promise<CheckJobOutcome> {
    return this.check(job.data);
  }

  /**
   * The batch completes once every check in it is stored or buffered. If one fails, the others still finish and
   * the batch is retried: the retry probes again, and the slots already stored are skipped by their unique key.
   */
  @OnJob('check.batch')
  async processBatch(job: Job<CheckBatchJob>): Promise<CheckBatchOutcome> {
    const outcomes = await Promise.allSettled(job.data.checks.map((check) => this.check(check)));
    const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    const missed = outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value.missed).length;
    return { checked: outcomes.length - missed, missed };
  }

  private async check(check: CheckJob): Promise<CheckJobOutcome> {
    const run = await this.probeSlots.run(() => (this.startsTooLate(check) ? Promise.resolve(null) : this.runner.run(check)));
    if (run === null) {
      await this.writer.record([missedResult(check.siteId, check.region, check.slot)], check.intervalSeconds);
      checkOutcomes.inc({ region: check.region, kind: 'http', outcome: 'missed' });
      return { missed: true };
    }
    for (const result of run.results) this.observe(check.region, result);
    const rows = this.runner.toRows(run);
    const recorded = await this.writer.record(rows, check.intervalSeconds);
    // Buffered while Postgres is away: the drainer analyses it in slot order; certificates are looked at next run.
    if (recorded.buffered) {
      this.live.publish(liveEventsOf(run, null));
      return ranOutcome(check, run);
    }
    await this.certificates.afterRun(run);
    // Before the job completes: if the process dies here, the retried job re-analyses from stored results.
    const entryOk = run.results.find((result) => result.target === ENTRY_TARGET)?.ok ?? false;
    const change = await this.analyzer.afterRun(check.siteId, check.intervalSeconds, entryOk, freshlyStoredRun(rows, recorded.ids));
    this.live.publish(liveEventsOf(run, change));
    return ranOutcome(check, run);
  }

  /**
   * Measured once the check has its probe slot, as the stored result's start is: time spent waiting for a slot is
   * lateness too. A slot picked up a whole interval late would only tell us about the past: it is recorded as missed.
   */
  private startsTooLate(check: CheckJob): boolean {
    if (check.manual) return false;
    const latenessSeconds = Date.now() / 1000 - check.slot;
    slotLateness.observe({ region: check.region }, Math.max(0, latenessSeconds));
    this.lateness.record(latenessSeconds);
    return latenessSeconds > check.intervalSeconds;
  }

  private observe(region: string, result: ProbeResult): void {
    checkOutcomes.inc({ region, kind: result.kind, outcome: result.ok ? 'up' : 'down' });
    // A push monitor's result is a judgement of stored pings, not a probe: it has no duration to tell.
    if (result.kind === 'push') return;
    probeDuration.observe({ region, kind: result.kind }, result.timings.totalMs / 1000);
    const { dnsMs, connectMs, tlsMs, ttfbMs, totalMs } = result.timings;
    for (const [phase, ms] of [['dns', dnsMs], ['connect', connectMs], ['tls', tlsMs], ['ttfb', ttfbMs], ['total', totalMs]] as const) {
      if (ms !== null) probePhaseDuration.observe({ kind: result.kind, phase }, ms / 1000);
    }
  }
}

/** Only a run-now caller reads the run back; a scheduled check's run is in Postgres. */
function ranOutcome(check: CheckJob, run: ChainRun): CheckJobOutcome {
  return { missed: false, run: check.manual ? run : null };
}
