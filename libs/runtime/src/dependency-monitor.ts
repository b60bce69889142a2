// Probes Postgres and Redis every second (backing off while one is down) so the process notices an outage and the
// recovery even when nothing else is running, and so background loops can tell "Postgres is down" (already
// reported once) from a real error worth a log line.
import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Dependency, DEPENDENCIES, dependencies, describeCause, RepeatingTask } from '@hopwatch/platform';
import { REDIS, RedisConnection } from '@hopwatch/queue';

const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

export type DependencyCheck = { status: 'up' | 'down'; error?: string };

class StillDown extends Error {}

@Injectable()
export class DependencyMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop = new RepeatingTask(() => this.probeOrThrow(), PROBE_EVERY_MS, () => undefined, { unref: true });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: RedisConnection,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start(PROBE_EVERY_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Probes both now; what `/health/ready` answers and what the gauge says come from the same probe. */
  async probeAll(): Promise<Record<Dependency, DependencyCheck>> {
    const [postgres, redis] = await Promise.all(DEPENDENCIES.map((dependency) => this.probe(dependency)));
    return { postgres, redis };
  }

  /**
   * For a background task that failed: true when a dependency is down, which explains the failure and has been
   * reported once already; false when everything answers and the error deserves its own log line.
   */
  async explains(_error: Error): Promise<boolean> {
    const checks = await this.probeAll();
    return Object.values(checks).some((check) => check.status === 'down');
  }

  private async probe(dependency: Dependency): Promise<DependencyCheck> {
    const check = dependency === 'postgres' ? () => this.dataSource.query('SELECT 1') : () => this.redis.ping();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS);
    });
    try {
      await Promise.race([check(), timeout]);
      dependencies.up(dependency);
      return { status: 'up' };
    } catch (error) {
      const cause = describeCause(error);
      dependencies.down(dependency, cause);
      return { status: 'down', error: cause };
    } finally {
      clearTimeout(timer);
    }
  }

  private async probeOrThrow(): Promise<void> {
    const checks = await this.probeAll();
    if (Object.values(checks).some((check) => check.status === 'down')) throw new StillDown();
  }
}

@Module({})
export class DependencyMonitorModule {
  /** `db` and `queue`: the process's DbModule (its data source) and QueueModule (REDIS). */
  static forRoot(db: DynamicModule, queue: DynamicModule): DynamicModule {
    return { module: DependencyMonitorModule, imports: [db, queue], providers: [DependencyMonitor], exports: [DependencyMonitor] };
  }
}
