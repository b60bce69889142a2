// What the worker tells the api's live pages, through Redis pub/sub (the two run as separate processes).
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
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

/** Fire and forget: a live page missing one event is no reason to fail a check, so errors are only logged. */
@Injectable()
export class LiveEventPublisher {
  private readonly logger = new Logger(LiveEventPublisher.name);
  private readonly channel: string;

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    @Inject(HOPWATCH_CONFIG) config: HopwatchConfig,
  ) {
    this.channel = liveEventsChannel(config.redisPrefix);
  }

  async publish(events: LiveEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      const pipeline = this.redis.pipeline();
      for (const event of events) pipeline.publish(this.channel, JSON.stringify(event));
      await pipeline.exec();
    } catch (error) {
      this.logger.warn(`could not publish ${events.length} live event(s): ${(error as Error).message}`);
    }
  }
}
