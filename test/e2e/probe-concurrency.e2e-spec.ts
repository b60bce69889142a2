// A worker with time to spare probes more checks at once when checks wait for a slot, and so keeps up where a
// fixed number would run behind (test/e2e/running-behind.e2e-spec.ts is the same fleet with the number fixed).
import { waitFor } from '../support/boot-pipeline';
import { SLOW_FLEET, SlowFleet, startSlowFleet } from '../support/slow-fleet';

// The fleet needs at least 3 checks probing at once; the worker starts with 1.
const { sites: SITES, intervalSeconds: INTERVAL_SECONDS } = SLOW_FLEET;

describe('a worker with time to spare', () => {
  let fleet: SlowFleet;

  beforeAll(async () => {
    fleet = await startSlowFleet({ HOPWATCH_WORKER_CONCURRENCY: '1', HOPWATCH_WORKER_CONCURRENCY_MAX: '16' });
  });

  afterAll(() => fleet.stop());

  const slots = () => fleet.metric('hopwatch_worker_probe_concurrency');

  it('grows its probe slots past HOPWATCH_WORKER_CONCURRENCY, within its _MAX, and keeps every slot on time', async () => {
    expect(await slots()).toBe(1);
    await fleet.addSites();
    const grown = await waitFor(slots, (value) => (value ?? 0) >= 3, 30_000);
    expect(grown).toBeLessThanOrEqual(16);
    // Four intervals once it has grown: every check of them starts well within its interval, none missed.
    const [{ from }] = await fleet.query<{ from: Date }>(`SELECT now() + interval '2 seconds' AS from`);
    const intervals = () =>
      fleet
        .query<{ checks: number; missed: number; worst: number }>(
          `SELECT count(*)::int AS checks, count(*) FILTER (WHERE error_code = 'MISSED')::int AS missed,
                  max(extract(epoch FROM started_at - slot))::float8 AS worst
             FROM check_results WHERE slot >= $1 AND slot < $1 + interval '${4 * INTERVAL_SECONDS} seconds'`,
          [from],
        )
        .then((rows) => rows[0]);
    const late = await waitFor(intervals, (figures) => figures.checks >= 4 * SITES, 60_000);
    expect(late).toMatchObject({ checks: 4 * SITES, missed: 0 });
    expect(late.worst).toBeLessThan(2);
    expect(await slots()).toBeLessThanOrEqual(16);
  }, 120_000);
});
