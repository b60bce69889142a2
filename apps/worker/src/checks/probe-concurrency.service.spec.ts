import { HopwatchConfig } from '@hopwatch/platform';
import { JobWorkers } from '@hopwatch/queue';
import { checkJobsFor, ProbeConcurrency } from './probe-concurrency.service';
import { ProbeSlots } from './probe-slots';

const config = { workerConcurrency: 200, workerConcurrencyMax: 1_000, checkBatchSize: 10, region: 'default' } as HopwatchConfig;

function governor(limit: number) {
  const slots = new ProbeSlots(limit);
  const setConcurrency = jest.fn();
  return { slots, setConcurrency, concurrency: new ProbeConcurrency(slots, { setConcurrency } as unknown as JobWorkers, config) };
}

const busyFor = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) Math.sqrt(Math.random());
};
const idleFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ProbeConcurrency', () => {
  it('gives slots back, and fetches fewer jobs, after a period the loop spent busy', async () => {
    // A period starts when the governor is made, then at each adjust().
    const { slots, setConcurrency, concurrency } = governor(800);
    busyFor(150);
    expect(concurrency.adjust()).toBe(600);
    expect(slots.limit).toBe(600);
    expect(setConcurrency).toHaveBeenCalledWith('checks', checkJobsFor(600, 10));
    await concurrency.onApplicationShutdown();
  });

  it('grows when checks waited for a slot while the loop idled', async () => {
    const { slots, setConcurrency, concurrency } = governor(200);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const runs = Array.from({ length: 201 }, () => slots.run(() => held));
    // The loop's reading is given: on a loaded machine even an idle period of this test can read busy.
    expect(concurrency.adjust(0.7)).toBe(200);
    expect(setConcurrency).not.toHaveBeenCalled();
    expect(concurrency.adjust(0.2)).toBe(250);
    expect(slots.limit).toBe(250);
    expect(setConcurrency).toHaveBeenLastCalledWith('checks', 125);
    release();
    await Promise.all(runs);
    await concurrency.onApplicationShutdown();
  });

  it('does not grow when nothing waited', async () => {
    const { concurrency } = governor(300);
    await idleFor(100);
    expect(concurrency.adjust()).toBeLessThanOrEqual(300);
    await concurrency.onApplicationShutdown();
  });

  it('fetches five times the jobs that fill the slots', () => {
    expect(checkJobsFor(200, 10)).toBe(100);
    expect(checkJobsFor(205, 10)).toBe(105);
    expect(checkJobsFor(1, 10)).toBe(5);
  });
});
