// Gauges read from the database at scrape time: any API process answers for the whole fleet, whichever
// worker ran the checks.
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { FleetMetricsRepository } from '@hopwatch/db';
import { CAUSES } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig, metricsRegistry } from '@hopwatch/platform';

// Module-level like the registry they live in: several apps in one process (tests) share them, so each
// live collector contributes and a closed one drops out.
const live = new Set<FleetMetricsCollector>();

// A scrape must answer while PostgreSQL is away (the dependency gauges matter most then): fleet figures that
// cannot be read quickly are left out of that scrape instead of failing or stalling it.
const FLEET_READ_TIMEOUT_MS = 1_000;

async function bestEffort<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), FLEET_READ_TIMEOUT_MS)));
  try {
    return await Promise.race([read().catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

new Gauge({
  name: 'hopwatch_site_up',
  help: "1 when a site's newest recent entry check in a region passed, 0 when it failed; absent when paused or not checked lately",
  labelNames: ['site', 'site_id', 'region'],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const collector of live) {
      for (const site of await collector.sitesUp()) this.set({ site: site.siteName, site_id: site.siteId, region: site.region }, site.up ? 1 : 0);
    }
  },
});

new Gauge({
  name: 'hopwatch_incidents_open',
  help: 'Open incidents by diagnosed cause',
  labelNames: ['cause'],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const collector of live) {
      const open = await collector.openIncidentsByCause();
      for (const cause of new Set([...CAUSES, ...open.keys()])) this.set({ cause }, open.get(cause) ?? 0);
    }
  },
});

@Injectable()
export class FleetMetricsCollector implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly fleet: FleetMetricsRepository,
    @Inject(HOPWATCH_CONFIG) private readonly config: HopwatchConfig,
  ) {}

  onModuleInit(): void {
    live.add(this);
  }

  onModuleDestroy(): void {
    live.delete(this);
  }

  sitesUp() {
    return this.config.metricsPerSite ? bestEffort(() => this.fleet.sitesUp(Date.now() / 1000), []) : Promise.resolve([]);
  }

  openIncidentsByCause() {
    return bestEffort(() => this.fleet.openIncidentsByCause(), new Map<string, number>());
  }
}
