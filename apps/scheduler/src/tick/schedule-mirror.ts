// The leader's copy of the schedule in memory (one small entry per active site), so it can keep enqueuing while
// Postgres is unreachable. Loaded in full when leadership is gained and every minute, refreshed from every claim;
// what it advances during an outage is written back (forward only) before the normal claim path resumes.
import { Injectable } from '@nestjs/common';
import { SiteEntity, toChainSpec } from '@hopwatch/db';
import { ChainSpec } from '@hopwatch/domain';

/** What the scheduler needs of a site to enqueue its slots. `nextRunAt` in epoch seconds. */
export type ScheduledEntry = { id: string; intervalSeconds: number; regions: string[]; spec: ChainSpec; nextRunAt: number };

export const MIRROR_RELOAD_MS = 60_000;

export function toScheduledEntry(site: SiteEntity): ScheduledEntry {
  return { id: site.id, intervalSeconds: site.intervalSeconds, regions: site.regions, spec: toChainSpec(site), nextRunAt: Math.round(site.nextRunAt.getTime() / 1000) };
}

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

  /** Replaces the copy with the active sites as Postgres has them (after any write-back, so Postgres is not behind). */
  load(sites: SiteEntity[], now = Date.now()): void {
    this.entries = new Map(sites.map((site) => [site.id, toScheduledEntry(site)]));
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
