// The day partitions of probe_results (one per UTC day, on slot). Housekeeping creates the next days ahead and
// retention drops whole days; a write never fails for want of a partition, because a slot outside every day
// lands in probe_results_default. Creating a day moves that day's rows out of the default partition first.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const DAY_SECONDS = 86_400;
const PREFIX = 'probe_results_p';
// Partition DDL waits this long for a lock at most; a busy table fails the run, and the next run tries again.
const LOCK_TIMEOUT = `SET LOCAL lock_timeout = '10s'`;

const LIST_DAYS = `
  SELECT child.relname AS name FROM pg_inherits
    JOIN pg_class AS child ON child.oid = pg_inherits.inhrelid
   WHERE pg_inherits.inhparent = 'probe_results'::regclass AND child.relname ~ '^${PREFIX}[0-9]{8}$'
   ORDER BY 1`;

/** The partition holding the UTC day that starts at `dayStart` (epoch seconds). */
export function dayPartitionName(dayStart: number): string {
  return `${PREFIX}${new Date(dayStart * 1000).toISOString().slice(0, 10).replaceAll('-', '')}`;
}

function dayStartOf(name: string): number {
  const digits = name.slice(PREFIX.length);
  return Date.UTC(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)) - 1, Number(digits.slice(6, 8))) / 1000;
}

@Injectable()
export class ResultPartitionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Start (epoch seconds) of every day that has a partition, oldest first. */
  async days(): Promise<number[]> {
    const rows: Array<{ name: string }> = await this.dataSource.query(LIST_DAYS);
    return rows.map((row) => dayStartOf(row.name));
  }

  /** Creates the missing partitions of `count` UTC days from the day holding `from` (epoch seconds); returns their day starts. */
  async ensureDays(from: number, count: number): Promise<number[]> {
    const existing = new Set(await this.days());
    const firstDay = from - (((from % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS);
    const wanted = Array.from({ length: count }, (_, index) => firstDay + index * DAY_SECONDS).filter((day) => !existing.has(day));
    for (const day of wanted) await this.dataSource.transaction((manager) => this.createDay(manager, day));
    return wanted;
  }

  /** Drops every day partition that ends at or before `cutoff` (epoch seconds); returns the day starts dropped. */
  async dropDaysBefore(cutoff: number): Promise<number[]> {
    const expired = (await this.days()).filter((day) => day + DAY_SECONDS <= cutoff);
    for (const day of expired) {
      await this.dataSource.transaction(async (manager) => {
        await manager.query(LOCK_TIMEOUT);
        await manager.query(`DROP TABLE ${dayPartitionName(day)}`);
      });
    }
    return expired;
  }

  // Built detached and attached after the day's rows in the default partition moved in: a partition cannot be
  // created over rows the default partition holds, and ATTACH locks the parent less than CREATE ... PARTITION OF.
  private async createDay(manager: EntityManager, day: number): Promise<void> {
    const name = dayPartitionName(day);
    const from = new Date(day * 1000).toISOString();
    const to = new Date((day + DAY_SECONDS) * 1000).toISOString();
    await manager.query(LOCK_TIMEOUT);
    await manager.query('LOCK TABLE probe_results_default IN ACCESS EXCLUSIVE MODE');
    await manager.query(`CREATE TABLE ${name} (LIKE probe_results INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
    await manager.query(
      `WITH moved AS (DELETE FROM probe_results_default WHERE slot >= $1 AND slot < $2 RETURNING *) INSERT INTO ${name} SELECT * FROM moved`,
      [from, to],
    );
    await manager.query(`ALTER TABLE probe_results ATTACH PARTITION ${name} FOR VALUES FROM ('${from}') TO ('${to}')`);
  }
}
