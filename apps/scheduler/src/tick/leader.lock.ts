// Only one scheduler enqueues at a time: the leader holds a session-level Postgres advisory lock on a
// connection of its own. If its process dies, Postgres drops the connection and the lock with it, and a
// standby takes over at its next attempt.
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';

const SCHEDULER_LOCK = 0x686f7073;

@Injectable()
export class LeaderLock implements OnApplicationShutdown {
  private readonly logger = new Logger(LeaderLock.name);
  private client: Client | null = null;
  private leading = false;

  constructor(@Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig) {}

  /** True while this process leads; tries to become leader when it does not (and throws when Postgres cannot be reached). */
  async ensure(): Promise<boolean> {
    if (this.leading) return true;
    try {
      const client = await this.connection();
      const { rows } = await client.query('SELECT pg_try_advisory_lock($1) AS acquired', [SCHEDULER_LOCK]);
      this.leading = rows[0].acquired === true;
      if (this.leading) this.logger.log('became the active scheduler');
    } catch (error) {
      this.drop();
      throw error;
    }
    return this.leading;
  }

  isLeading(): boolean {
    return this.leading;
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.leading = false;
    await client?.end().catch(() => undefined);
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'hopwatch-scheduler-leader' });
    client.on('error', (error) => {
      this.logger.warn(`leader connection lost: ${error.message}`);
      this.drop();
    });
    await client.connect();
    this.client = client;
    return client;
  }

  private drop(): void {
    if (this.leading) this.logger.warn('no longer the active scheduler');
    this.leading = false;
    const client = this.client;
    this.client = null;
    client?.end().catch(() => undefined);
  }
}
