// Turns incident events from the outbox into deliveries (one per channel) and queues them. Every worker runs it;
// SKIP LOCKED lets them share the outbox, and the deliveries' unique key keeps an event from being sent twice.
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CertificateWarningRepository, DeliveryRepository, NotificationOutboxRepository, OutboxContext, OutboxDecision, OutboxHolds, SUPERSEDED, UnitOfWork } from '@hopwatch/db';
import { decideNotice, windowCovers } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, RepeatingTask } from '@hopwatch/platform';
import { NotificationQueue } from '@hopwatch/queue';
import { DependencyMonitor } from '@hopwatch/runtime';

const RELAY_EVERY_MS = 250;
const SWEEP_EVERY_MS = 30_000;
const BATCH = 100;

@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly loop = new RepeatingTask(
    () => this.relay(),
    RELAY_EVERY_MS,
    async (error) => {
      if (!(await this.dependencies.explains(error))) this.logger.error(`relaying incident events failed: ${error.message}`);
    },
  );
  private lastSweep = Date.now();

  constructor(
    private readonly outbox: NotificationOutboxRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly certificateWarnings: CertificateWarningRepository,
    private readonly queue: NotificationQueue,
    private readonly dependencies: DependencyMonitor,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass; public so tests can drive it. */
  async relay(now = new Date()): Promise<number> {
    const created = await this.dispatchPending(now);
    await this.queue.enqueue(created);
    if (now.getTime() - this.lastSweep >= SWEEP_EVERY_MS) await this.sweep(now);
    return created.length;
  }

  /** Turns pending events into deliveries in one transaction, so an event becomes deliveries exactly once. */
  private dispatchPending(now: Date): Promise<string[]> {
    return this.unitOfWork.run(async (tx) => {
      const created: string[] = [];
      for (const event of await this.outbox.takePending(tx, BATCH, this.holds())) {
        const context = await this.outbox.contextOf(tx, event);
        created.push(...(await this.outbox.record(tx, event, context, context ? this.decide(context, now) : SUPERSEDED)));
      }
      // Certificate warnings are not incident changes: no quiet period, no rate limit, and maintenance does not hold them.
      for (const warning of await this.certificateWarnings.takePending(tx, BATCH)) {
        created.push(...(await this.certificateWarnings.dispatch(tx, warning)));
      }
      return created;
    });
  }

  // A root's update waits for sites to stop joining, but no longer than updates are spaced anyway.
  private holds(): OutboxHolds {
    const { resolveQuietSeconds, rootGroupingSeconds, alertUpdateIntervalSeconds } = this.config;
    return { resolveQuietSeconds, groupingSeconds: rootGroupingSeconds, settleCapSeconds: rootGroupingSeconds > 0 ? Math.max(rootGroupingSeconds, alertUpdateIntervalSeconds) : 0 };
  }

  decide(context: OutboxContext, now: Date): OutboxDecision {
    const inMaintenance = context.windows.some((window) => windowCovers(window, context.site, context.event.createdAt));
    const decision = decideNotice({
      type: context.event.type,
      eventAt: context.event.createdAt,
      incident: { status: context.incident.status, flapping: context.incident.flapping },
      inMaintenance,
      history: context.history,
      now,
      options: { updateIntervalMs: this.config.alertUpdateIntervalSeconds * 1000, resolveQuietMs: this.config.resolveQuietSeconds * 1000 },
    });
    switch (decision.action) {
      case 'notify':
        return { outcome: decision.notice, notice: decision.notice, markMaintenance: false };
      case 'mute':
        return { outcome: 'muted', notice: null, markMaintenance: true };
      case 'wait':
        throw new Error('resolutions are only taken once their quiet period is over');
      default:
        return { outcome: decision.action === 'suppress' ? 'suppressed' : 'superseded', notice: null, markMaintenance: false };
    }
  }

  /** Deliveries whose job vanished (Redis flushed, crash between commit and enqueue) are queued again. */
  private async sweep(now: Date): Promise<void> {
    this.lastSweep = now.getTime();
    const stale = await this.deliveries.stalePending(new Date(now.getTime() - SWEEP_EVERY_MS), 500);
    await this.queue.enqueue(stale);
    await this.deliveries.touch(stale);
  }
}
