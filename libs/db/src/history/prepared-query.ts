// The history reads run on every dashboard and site-list load, and two costs of the default path were
// measured to be larger than the queries themselves: planning the long statements again on every call
// (~2 ms of ~4 ms for a 90-day uptime; a named statement is planned once per connection), and, for the
// site list, JIT compilation (~18 ms per page of 500 sites, the planner's row estimates over many sites
// cross jit_above_cost although the statement runs in ~20 ms of index lookups).
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export type PreparedOptions = { withoutJit?: boolean };

/** Runs `text` as the named prepared statement `name` on a pooled connection; returns its rows. */
export async function preparedQuery<T>(dataSource: DataSource, name: string, text: string, values: unknown[], options: PreparedOptions = {}): Promise<T[]> {
  const [client, release] = (await (dataSource.driver as PostgresDriver).obtainMasterConnection()) as [PoolClient, (error?: Error) => void];
  let failure: Error | undefined;
  try {
    if (!options.withoutJit) return (await client.query({ name, text, values })).rows;
    await client.query('BEGIN');
    await client.query('SET LOCAL jit = off');
    const { rows } = await client.query({ name, text, values });
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    // A connection that failed mid-transaction is dropped rather than handed back in an unknown state.
    release(failure && options.withoutJit ? failure : undefined);
  }
}
