import { metricsRegistry } from '../metrics/metrics';
import { DependencyStatus } from './dependency-status';

async function gauge(dependency: string): Promise<number | undefined> {
  const metric = await metricsRegistry.getSingleMetric('hopwatch_dependency_up')?.get();
  return metric?.values.find((value) => value.labels.dependency === dependency)?.value;
}

describe('DependencyStatus', () => {
  it('logs one line when a dependency goes, one with the duration when it returns, and keeps the gauge in step', async () => {
    let now = 1_000_000;
    const lines: string[] = [];
    const status = new DependencyStatus({ lost: (line) => lines.push(`lost: ${line}`), back: (line) => lines.push(`back: ${line}`) }, () => now);

    for (let attempt = 0; attempt < 50; attempt++) status.down('postgres', 'ECONNREFUSED');
    expect(status.isUp('postgres')).toBe(false);
    expect(status.isUp('redis')).toBe(true);
    expect(await gauge('postgres')).toBe(0);
    expect(await gauge('redis')).toBe(1);

    now += 31_400;
    status.up('postgres');
    status.up('postgres');
    expect(await gauge('postgres')).toBe(1);
    expect(lines).toEqual([
      'lost: postgres is unreachable (ECONNREFUSED); retrying with backoff, quiet until it is back',
      'back: postgres is reachable again after 31.4 s',
    ]);
  });
});
