// What the worker tells the api's live pages, through Redis pub/sub (the two run as separate processes).
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { dependencies, HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { REDIS } from './queue.module.tokens';
import type { RedisConnection } from './redis';

/** A run of one site from one region was stored. `ok`, `entryStatus`, `entryErrorCode` and `totalMs` describe the entry. */
export type CheckRunEvent = {
  siteId: string;
  region: string;
  /** The slot's start, ISO 8601. */
  slot: string;
  ok: boolean;
  entryStatus: number | null;
  entryErrorCode: string | null;
  totalMs: number;
};

/** An incident changed: `kind` is the timeline word (opened, updated, flapping, reopened, resolved, maintenance). */
export type IncidentEvent = { incidentId: string; siteId: string; status: 'open' | 'resolved'; kind: string };

export type LiveEvent = { type: 'check-run'; data: CheckRunEvent } | { type: 'incident'; data: IncidentEvent };

export function liveEventsChannel(redisPrefix: string): string {
  return `${redisPrefix}:live-events`;
}

/** Events published in one message at most, and how long an event waits for others to share its message. */
export const LIVE_EVENTS_PER_MESSAGE = 500;
export const LIVE_EVENTS_FLUSH_MS = 200;

/** One published message: the events of a short while, in the order they happened. */
export type LiveEventsMessage = LiveEvent[];

/**
 * Fire and forget: a live page missing one event is no reason to fail a check, so errors are only logged.
 * Events travel in batches: one PUBLISH per check cost a worker about 5 % of its CPU at 800 checks a second, and
 * a live page has no use for a run a fifth of a second sooner. While Redis is known to be down the events are
 * dropped rather than queued in memory for pages that cannot receive them anyway.
 */
@Injectable()
export class LiveEventPublisher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveEventPublisher.name);
  private readonly channel: string;
  private pending: LiveEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(HOPWATCH_CONFIG) config: HopwatchConfig,
  ) {
    this.channel = liveEventsChannel(config.redisPrefix);
  }

  publish(events: LiveEvent[]): void {
    if (events.length === 0) return;
    this.pending.push(...events);
    while (this.pending.length >= LIVE_EVENTS_PER_MESSAGE) this.send(this.pending.splice(0, LIVE_EVENTS_PER_MESSAGE));
    if (this.pending.length > 0) this.timer ??= setTimeout(() => this.flush(), LIVE_EVENTS_FLUSH_MS).unref();
  }

  /** Resolves once everything published so far has been sent (or given up on). */
  async flushed(): Promise<void> {
    this.flush();
    await this.sending;
  }

  /** Before the Redis connection closes, so the last runs still reach the live pages. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flushed();
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length > 0) this.send(this.pending.splice(0));
  }

  /** In the order published: each message goes out once the one before it has. */
  private send(message: LiveEventsMessage): void {
    this.sending = this.sending.then(() => this.publishNow(message));
  }

  private async publishNow(message: LiveEventsMessage): Promise<void> {
    if (!dependencies.isUp('redis')) return;
    try {
      await this.redis.publish(this.channel, JSON.stringify(message));
    } catch (error) {
      this.logger.warn(`could not publish ${message.length} live event(s): ${(error as Error).message}`);
    }
  }
}
