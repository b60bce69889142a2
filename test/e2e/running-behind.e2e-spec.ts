// Past its capacity the pipeline says so before slots are missed: one warning line with the figures,
// `hopwatch_checks_behind`, and /health/ready `degraded`; and one line when it has caught up.
import { waitFor } from '../support/boot-pipeline';
import { SlowFleet, startSlowFleet } from '../support/slow-fleet';

// One check at a time taking 1.5 s: 0.67 checks/s against the 2 a second the fleet needs.

describe('a worker running behind', () => {
  let fleet: SlowFleet;

  beforeAll(async () => {
    fleet = await startSlowFleet({
      HOPWATCH_WORKER_CONCURRENCY: '1',
      HOPWATCH_WORKER_CONCURRENCY_MAX: '1',
      HOPWATCH_LATENESS_WARN_SECONDS: '2',
    });
  });

  afterAll(() => fleet.stop());

  const readiness = async () => (await (await fetch(`${fleet.base}/health/ready`)).json()) as { status: string; pipeline: { status: string; regions: { region: string; behind: boolean; p99LatenessSeconds: number }[] } };
  const behindGauge = () => fleet.metric('hopwatch_checks_behind');

  it('warns once with the figures, reports degraded readiness and the metric, then says when it has caught up', async () => {
    const { app } = fleet;
    expect((await readiness()).pipeline.status).not.toBe('behind');
    await fleet.addSites();

    await waitFor(async () => app.output(), (output) => output.includes('checks are running behind in region default'), 60_000);
    expect(app.output()).toMatch(/checks are running behind in region default: p99 slot lateness \d+\.\d s over the last 30 s \(\d+ checks, worst \d+\.\d s, threshold 2 s\); this worker probes 1 checks at once \(at most 1\): add workers or raise HOPWATCH_WORKER_CONCURRENCY_MAX before slots are missed/);
    const degraded = await readiness();
    expect(degraded).toMatchObject({ status: 'degraded', pipeline: { status: 'behind', regions: [{ region: 'default', behind: true }] } });
    expect(degraded.pipeline.regions[0].p99LatenessSeconds).toBeGreaterThan(2);
    expect(await behindGauge()).toBe(1);

    await fleet.query('UPDATE sites SET paused = true');
    await waitFor(async () => app.output(), (output) => output.includes('checks caught up in region default after'), 90_000);
    expect(app.output().match(/checks are running behind/g)).toHaveLength(1);
    expect(await behindGauge()).toBe(0);
    expect((await readiness()).status).toBe('ok');
  }, 180_000);
});
