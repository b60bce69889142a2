// Only one scheduler enqueues at a time. To become leader an instance needs the session-level Postgres advisory
// lock (on a connection of its own) and then the Redis lease (SchedulerLease). Leadership then lasts as long as the
// lease is renewed: a leader keeps enqueuing through a Postgres outage, when its advisory lock goes with the
// connection, and takes the lock again once Postgres is back. A standby may hold the advisory lock meanwhile; it
// still waits for the lease, which a dead leader stops renewing.
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { dependencies, HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { SchedulerLease } from './scheduler-lease';

const SCHEDULER_LOCK = 0x686f7073;
const RELOCK_EVERY_MS = 1_000;

@Injectable()
export class LeaderLock implements OnApplicationShutdown {
  private readonly logger = new Logger(LeaderLock.name);
  private client: Client | null = null;
  private holdsAdvisoryLock = false;
  private leading = false;
  private lastRelock = 0;

  constructor(
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
    private readonly lease: SchedulerLease,
  ) {}

  /** True while this process leads; tries to become leader when it does not (and throws when Postgres cannot be reached). */
  async ensure(): Promise<boolean> {
    if (this.leading) return this.keepLeading();
    if (!(await this.tryAdvisoryLock())) return false;
    if (!(await this.lease.acquire())) return false;
    this.leading = true;
    this.logger.log(`became the active scheduler (fencing epoch ${this.lease.epoch})`);
    return true;
  }

  /** Asked before each batch of jobs: renews the lease, and false (leadership dropped) when it is lost. */
  async stillLeads(): Promise<boolean> {
    if (!this.leading) return false;
    if (await this.lease.renew().catch(() => this.lease.isValid())) return true;
    this.stepDown();
    return false;
  }

  isLeading(): boolean {
    return this.leading;
  }

  async onApplicationShutdown(): Promise<void> {
    this.leading = false;
    await this.lease.release().catch(() => undefined);
    this.closeConnection();
  }

  private async keepLeading(): Promise<boolean> {
    if (!(await this.stillLeads())) return false;
    // Back after an outage: hold the advisory lock again, so a standby started meanwhile waits on it.
    if (!this.holdsAdvisoryLock && dependencies.isUp('postgres') && Date.now() - this.lastRelock >= RELOCK_EVERY_MS) {
      this.lastRelock = Date.now();
      await this.tryAdvisoryLock().catch(() => false);
    }
    return true;
  }

  private async tryAdvisoryLock(): Promise<boolean> {
    if (this.holdsAdvisoryLock) return true;
    try {
      const client = await this.connection();
      const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS acquired', [SCHEDULER_LOCK]);
      this.holdsAdvisoryLock = rows[0].acquired === true;
      return this.holdsAdvisoryLock;
    } catch (error) {
      this.closeConnection();
      throw error;
    }
  }

  private stepDown(): void {
    this.logger.warn('no longer the active scheduler: its lease was lost');
    this.leading = false;
    // Let a standby take the advisory lock (and then the lease) without waiting for this process.
    this.closeConnection();
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'hopwatch-scheduler-leader' });
    client.on('error', (error) => {
      if (client !== this.client) return;
      this.logger.warn(`leader connection lost: ${error.message}${this.leading ? '; still leading while the Redis lease holds' : ''}`);
      this.closeConnection();
    });
    await client.connect();
    this.client = client;
    return client;
  }

  private closeConnection(): void {
    this.holdsAdvisoryLock = false;
    const client = this.client;
    this.client = null;
    client?.end().catch(() => undefined);
  }
}
