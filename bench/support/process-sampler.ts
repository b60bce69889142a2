// Samples CPU time and resident memory of child processes from /proc, once a second.
import { readFileSync } from 'node:fs';

const CLOCK_TICKS = 100;

type Sample = { atMs: number; cpuSeconds: number; rssBytes: number };

export type ProcessFigures = { cpuPercent: number; peakRssMb: number };

export class ProcessSampler {
  private readonly samples = new Map<string, Sample[]>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly pids: Record<string, number>) {}

  start(): void {
    this.timer = setInterval(() => this.sample(), 1_000);
    this.sample();
  }

  stop(): Record<string, ProcessFigures> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const figures: Record<string, ProcessFigures> = {};
    for (const [name, samples] of this.samples) {
      const first = samples[0];
      const last = samples[samples.length - 1];
      const elapsedSeconds = (last.atMs - first.atMs) / 1000;
      figures[name] = {
        cpuPercent: elapsedSeconds > 0 ? round(((last.cpuSeconds - first.cpuSeconds) / elapsedSeconds) * 100) : 0,
        peakRssMb: round(Math.max(...samples.map((sample) => sample.rssBytes)) / 1024 / 1024),
      };
    }
    return figures;
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.pids)) {
      const reading = read(pid);
      if (!reading) continue;
      const list = this.samples.get(name) ?? [];
      list.push(reading);
      this.samples.set(name, list);
    }
  }
}

function read(pid: number): Sample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    const rssPages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return { atMs: Date.now(), cpuSeconds, rssBytes: rssPages * 4096 };
  } catch {
    return null;
  }
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
