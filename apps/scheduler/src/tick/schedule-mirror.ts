// The leader's copy of the schedule in memory (one small entry per active site), so it can keep enqueuing while
// Postgres is unreachable, and so claims need not read chains back. Schedules are reloaded every minute and
// refreshed from every claim; a chain is read from Postgres only when its site's version moved. What the copy
// advances during an outage is written back (forward only) before the normal claim path resumes.
import { Injectable } from '@nestjs/common';
import { ScheduleRow } from '@hopwatch/db';
import { ChainSpec } from '@hopwatch/domain';

/** What the scheduler needs of a site to enqueue its slots. `nextRunAt` in epoch seconds. */
export type ScheduledEntry = ScheduleRow & { spec: ChainSpec };

/**
 * Listed rather than spread (`{ ...row, spec }`): on Node 20 each property added after a spread takes V8's slow
 * path, about 2 µs apiece, and the scheduler builds an entry per site per interval.
 */
export function scheduledEntry(row: ScheduleRow, spec: ChainSpec, nextRunAt = row.nextRunAt): ScheduledEntry {
  return { id: row.id, intervalSeconds: row.intervalSeconds, regions: row.regions, nextRunAt, version: row.version, spec };
}

export const MIRROR_RELOAD_MS = 60_000;

@Injectable()
export class ScheduleMirror {
  private entries = new Map<string, ScheduledEntry>();
  /** Sites advanced in memory only: their next run as Postgres should learn it. */
  private readonly ahead = new Map<string, number>();
  private loadedAt: number | null = null;

  get size(): number {
    return this.entries.size;
  }

  /** Never loaded, or loaded more than a minute ago (deleted and paused sites leave only with a reload). */
  needsReload(now = Date.now()): boolean {
    return this.loadedAt === null || now - this.loadedAt >= MIRROR_RELOAD_MS;
  }

  /** The sites among `rows` whose chain this copy lacks, or holds at another version. */
  staleChains(rows: ScheduleRow[]): string[] {
    return rows.filter((row) => this.entries.get(row.id)?.version !== row.version).map((row) => row.id);
  }

  /**
   * Entries for these schedules, with the chain read afresh (`chains`) or the one held at the same version. A row
   * with neither (its site deleted between the two reads) is left out.
   */
  entriesFor(rows: ScheduleRow[], chains: Map<string, ChainSpec>): ScheduledEntry[] {
    return rows.flatMap((row) => {
      const held = this.entries.get(row.id);
      const spec = chains.get(row.id) ?? (held?.version === row.version ? held.spec : undefined);
      return spec ? [scheduledEntry(row, spec)] : [];
    });
  }

  /** Replaces the copy with the active sites as Postgres has them (after any write-back, so Postgres is not behind). */
  load(rows: ScheduleRow[], chains: Map<string, ChainSpec>, now = Date.now()): void {
    this.entries = new Map(this.entriesFor(rows, chains).map((entry) => [entry.id, entry]));
    for (const [id, next] of this.ahead) {
      const entry = this.entries.get(id);
      if (entry && entry.nextRunAt < next) entry.nextRunAt = next;
    }
    this.loadedAt = now;
  }

  /** A claim went through: Postgres and memory agree on this site. */
  remember(entry: ScheduledEntry): void {
    this.entries.set(entry.id, entry);
    this.ahead.delete(entry.id);
  }

  /** Sites whose next run has come, by the copy. */
  due(nowSeconds: number): ScheduledEntry[] {
    return [...this.entries.values()].filter((entry) => entry.nextRunAt <= nowSeconds);
  }

  /** Enqueued from memory: Postgres still has the old next run until `takeAhead`'s write-back. */
  advance(id: string, nextRunAt: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.nextRunAt = nextRunAt;
    this.ahead.set(id, nextRunAt);
  }

  /** What Postgres must learn before claims resume; `written` forgets exactly these once they are stored. */
  pendingWriteBack(): Map<string, Date> {
    return new Map([...this.ahead].map(([id, next]) => [id, new Date(next * 1000)]));
  }

  written(nextRunAt: Map<string, Date>): void {
    for (const [id, next] of nextRunAt) if (this.ahead.get(id) === next.getTime() / 1000) this.ahead.delete(id);
  }

  /** Leadership lost: the next leader loads its own copy. */
  clear(): void {
    this.entries.clear();
    this.ahead.clear();
    this.loadedAt = null;
  }
}
