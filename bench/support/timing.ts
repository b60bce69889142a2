// Times an async operation many times and reports the median and the 95th percentile.
export type Timing = { runs: number; medianMs: number; p95Ms: number; maxMs: number };

const round = (value: number) => Math.round(value * 100) / 100;

export async function time(runs: number, operation: () => Promise<unknown>, warmup = 3): Promise<Timing> {
  for (let index = 0; index < warmup; index++) await operation();
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = process.hrtime.bigint();
    await operation();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { runs, medianMs: round(at(0.5)), p95Ms: round(at(0.95)), maxMs: round(samples[samples.length - 1]) };
}
