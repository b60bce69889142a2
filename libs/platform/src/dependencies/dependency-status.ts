// Whether each dependency is reachable, as one process sees it: one log line when it goes away, one when it comes
// back (with how long it was gone), and the `hopwatch_dependency_up` gauge, which `/health/ready` keeps in step.
import { Gauge } from 'prom-client';
import { metricsRegistry } from '../metrics/metrics';

export type Dependency = 'postgres' | 'redis';
export const DEPENDENCIES: Dependency[] = ['postgres', 'redis'];

const dependencyUp = new Gauge({
  name: 'hopwatch_dependency_up',
  help: '1 while this process reaches the dependency, 0 while it does not',
  labelNames: ['dependency'],
  registers: [metricsRegistry],
});

export type StatusLog = { lost(line: string): void; back(line: string): void };

export class DependencyStatus {
  private readonly downSince = new Map<Dependency, number>();

  constructor(
    private readonly log: StatusLog,
    private readonly clock: () => number = Date.now,
  ) {
    for (const dependency of DEPENDENCIES) dependencyUp.set({ dependency }, 1);
  }

  isUp(dependency: Dependency): boolean {
    return !this.downSince.has(dependency);
  }

  down(dependency: Dependency, cause: string): void {
    if (this.downSince.has(dependency)) return;
    this.downSince.set(dependency, this.clock());
    dependencyUp.set({ dependency }, 0);
    this.log.lost(`${dependency} is unreachable (${cause}); retrying with backoff, quiet until it is back`);
  }

  up(dependency: Dependency): void {
    const since = this.downSince.get(dependency);
    if (since === undefined) return;
    this.downSince.delete(dependency);
    dependencyUp.set({ dependency }, 1);
    this.log.back(`${dependency} is reachable again after ${((this.clock() - since) / 1000).toFixed(1)} s`);
  }
}
