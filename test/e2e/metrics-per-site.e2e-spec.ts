import { watchedSite } from '../support/alerting-lab';
import { BootedPipeline, bootPipeline, waitFor } from '../support/boot-pipeline';
import { startTargetServer, TargetServer } from '../support/target-server';

describe('Prometheus metrics without per-site series', () => {
  let pipeline: BootedPipeline;
  let healthy: TargetServer;

  beforeAll(async () => {
    healthy = await startTargetServer();
    pipeline = await bootPipeline({ HOPWATCH_METRICS_PER_SITE: 'false' });
  });

  afterAll(async () => {
    await pipeline.close();
    await healthy.close();
  });

  it('leaves hopwatch_site_up empty for large fleets while the fleet-wide series stay', async () => {
    const siteId = await watchedSite(pipeline, 'quiet', healthy.url('/'));
    await waitFor(() => pipeline.query('SELECT 1 FROM check_results WHERE site_id = $1', [siteId]), (rows) => rows.length > 0);
    const exposition = (await pipeline.http().get('/metrics').set(pipeline.auth).expect(200)).text;
    expect(exposition).not.toMatch(/^hopwatch_site_up\{/m);
    expect(exposition).toMatch(/^hopwatch_incidents_open\{cause="origin_down"\} 0$/m);
  });
});
