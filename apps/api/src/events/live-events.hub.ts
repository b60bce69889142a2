import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { createRedis, LiveEvent, liveEventsChannel, LiveEventsMessage, RedisConnection } from '@hopwatch/queue';

/** One open event stream: where its events go, and how to end it when the api shuts down. */
export type LiveEventStream = { send(event: LiveEvent): void; end(): void };

/** One Redis subscription per api process, shared by every open event stream; opened when the first stream opens. */
@Injectable()
export class LiveEventsHub implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveEventsHub.name);
  private readonly streams = new Set<LiveEventStream>();
  private subscriber: Promise<RedisConnection> | null = null;

  constructor(@Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig) {}

  /** Resolves once the subscription is live, so nothing published after it is missed; returns the unsubscribe. */
  async listen(stream: LiveEventStream): Promise<() => void> {
    this.streams.add(stream);
    try {
      await (this.subscriber ??= this.subscribe());
    } catch (error) {
      this.streams.delete(stream);
      this.subscriber = null;
      throw error;
    }
    return () => this.streams.delete(stream);
  }

  /** Open streams, for the tests and the metrics. */
  get size(): number {
    return this.streams.size;
  }

  /** Ends the open streams first: the HTTP server waits for every open connection before it closes. */
  async onApplicationShutdown(): Promise<void> {
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    const subscriber = await this.subscriber?.catch(() => null);
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }

  private async subscribe(): Promise<RedisConnection> {
    const subscriber = createRedis(this.config);
    subscriber.on('error', (error) => this.logger.warn(`live events subscription: ${error.message}`));
    subscriber.on('message', (_channel: string, message: string) => this.dispatch(message));
    await subscriber.subscribe(liveEventsChannel(this.config.redisPrefix));
    return subscriber;
  }

  /** A message is a batch of events (LiveEventsMessage); a single event is taken too, from a worker of an older version. */
  private dispatch(message: string): void {
    let parsed: LiveEventsMessage | LiveEvent;
    try {
      parsed = JSON.parse(message) as LiveEventsMessage | LiveEvent;
    } catch {
      this.logger.warn('ignored a live event message that is not JSON');
      return;
    }
    for (const event of Array.isArray(parsed) ? parsed : [parsed]) {
      for (const stream of this.streams) stream.send(event);
    }
  }
}
