import { Injectable } from '@nestjs/common';
import { CheckResultRepository, missedResult, NewCheckResult, ScheduleMirrorRepository, ScheduleRepository, UnitOfWork } from '@hopwatch/db';
import { planDueSlots } from '@hopwatch/domain';
import { dependencies, describeCause, isConnectionFailure } from '@hopwatch/platform';
import { CheckJob, CheckQueues } from '@hopwatch/queue';
import { ResultBuffer } from '@hopwatch/runtime';
import { LeaderLock } from './leader.lock';
import { ScheduledEntry, scheduledEntry, ScheduleMirror } from './schedule-mirror';
import { enqueuedChecks, missedSlots } from './scheduler.metrics';

const CLAIM_BATCH = 1_000;

/** Thrown before a batch is enqueued when the lease is gone: another scheduler may lead now. */
class LeadershipLost extends Error {}

/**
 * Claims due sites, enqueues one job per (site, region, slot), records slots too late to run, advances the schedule.
 * While Postgres is unreachable it does the same from the in-memory mirror, and writes the mirror back when it returns.
 */
@Injectable()
export class EnqueueDueService {
  constructor(
    private readonly schedule: ScheduleRepository,
    private readonly mirrorSource: ScheduleMirrorRepository,
    private readonly mirror: ScheduleMirror,
    private readonly queues: CheckQueues,
    private readonly results: CheckResultRepository,
    private readonly buffer: ResultBuffer,
    private readonly leader: LeaderLock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Enqueues everything due now; returns how many sites were due. */
  async enqueueDue(): Promise<number> {
    try {
      if (dependencies.isUp('postgres')) {
        try {
          await this.syncMirror();
          return await this.claimAll();
        } catch (error) {
          if (!isConnectionFailure(error)) throw error;
          dependencies.down('postgres', describeCause(error));
        }
      }
      return await this.enqueueFromMirror();
    } catch (error) {
      if (error instanceof LeadershipLost) return 0;
      throw error;
    }
  }

  /** Postgres first learns what was enqueued from memory (so no slot is claimed twice), then the copy is reloaded when due. */
  private async syncMirror(): Promise<void> {
    const ahead = this.mirror.pendingWriteBack();
    if (ahead.size > 0) {
      await this.mirrorSource.advanceTo(ahead);
      this.mirror.written(ahead);
    }
    if (!this.mirror.needsReload()) return;
    const rows = await this.mirrorSource.activeSchedule();
    this.mirror.load(rows, await this.schedule.chainsOf(this.mirror.staleChains(rows)));
  }

  private async claimAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const claimed = await this.claimBatch();
      total += claimed;
      if (claimed < CLAIM_BATCH) return total;
    }
  }

  /** Locks due sites, enqueues them, then advances their next_run_at in the same transaction: if enqueueing throws, nothing moves. */
  private async claimBatch(): Promise<number> {
    const claimed = await this.unitOfWork.run(async (tx) => {
      const rows = await this.schedule.lockDue(tx, CLAIM_BATCH);
      if (rows.length === 0) return [];
      const entries = this.mirror.entriesFor(rows, await this.schedule.chainsOf(this.mirror.staleChains(rows), tx));
      const advanced = await this.dispatch(entries, (missed) => this.results.insertMany(missed));
      await this.schedule.advance(tx, new Map(advanced.map((entry) => [entry.id, new Date(entry.nextRunAt * 1000)])));
      return advanced;
    });
    for (const entry of claimed) this.mirror.remember(entry);
    return claimed.length;
  }

  private async enqueueFromMirror(): Promise<number> {
    const due = this.mirror.due(Date.now() / 1000);
    if (due.length === 0) return 0;
    const advanced = await this.dispatch(due, (missed) => this.bufferMissed(missed, due));
    for (const entry of advanced) this.mirror.advance(entry.id, entry.nextRunAt);
    return due.length;
  }

  /** Plans each site's due slots and enqueues them while the lease holds; returns the entries with their next run. */
  private async dispatch(entries: ScheduledEntry[], recordMissed: (missed: NewCheckResult[]) => Promise<unknown>): Promise<ScheduledEntry[]> {
    const nowSeconds = Date.now() / 1000;
    const jobs: CheckJob[] = [];
    const missed: NewCheckResult[] = [];
    const advanced: ScheduledEntry[] = [];
    for (const entry of entries) {
      const plan = planDueSlots(entry.nextRunAt, nowSeconds, entry.intervalSeconds);
      for (const region of entry.regions) {
        jobs.push({ siteId: entry.id, region, slot: plan.run, intervalSeconds: entry.intervalSeconds, spec: entry.spec });
        for (const slot of plan.missed) missed.push(missedResult(entry.id, region, slot));
      }
      advanced.push(scheduledEntry(entry, entry.spec, plan.next));
    }
    if (!(await this.leader.stillLeads())) throw new LeadershipLost();
    await this.queues.enqueue(jobs);
    await recordMissed(missed);
    for (const job of jobs) enqueuedChecks.inc({ region: job.region });
    missedSlots.inc(missed.length);
    return advanced;
  }

  /** Missed slots found while Postgres is away wait in the workers' result buffer, one entry per slot. */
  private async bufferMissed(missed: NewCheckResult[], entries: ScheduledEntry[]): Promise<void> {
    const intervals = new Map(entries.map((entry) => [entry.id, entry.intervalSeconds]));
    for (const row of missed) await this.buffer.append({ rows: [row], intervalSeconds: intervals.get(row.siteId) ?? 60 });
  }
}
