// Samples CPU time and memory of processes from /proc, once a second. A group is a set of processes found anew
// at every sample (a Postgres server's backends come and go): its CPU is the sum of what each of them used while
// it was seen, its memory the peak of their summed proportional set size (PSS), which counts memory the
// processes share (Postgres's shared buffers) once, not once per backend.
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100;
const PAGE_BYTES = 4096;

type Reading = { cpuSeconds: number; rssBytes: number };
type Group = { pids: () => number[]; baseline: Map<number, number>; last: Map<number, number>; peakPssBytes: number };

export type ProcessFigures = { cpuPercent: number; cpuSeconds: number; peakPssMb: number };

export class ProcessSampler {
  private readonly groups = new Map<string, Group>();
  private timer: NodeJS.Timeout | null = null;
  private startedAtMs = 0;

  /** `processes`: a pid, or a function that lists the pids of a group now. */
  constructor(processes: Record<string, number | (() => number[])>) {
    for (const [name, source] of Object.entries(processes)) {
      const pids = typeof source === 'number' ? () => [source] : source;
      this.groups.set(name, { pids, baseline: new Map(), last: new Map(), peakPssBytes: 0 });
    }
  }

  start(): void {
    this.startedAtMs = Date.now();
    // What a process had used before the run is not the run's.
    for (const group of this.groups.values()) {
      for (const pid of group.pids()) {
        const reading = read(pid);
        if (reading) group.baseline.set(pid, reading.cpuSeconds);
      }
    }
    this.timer = setInterval(() => this.sample(), 1_000);
    this.sample();
  }

  stop(): Record<string, ProcessFigures> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const elapsedSeconds = (Date.now() - this.startedAtMs) / 1000;
    const figures: Record<string, ProcessFigures> = {};
    for (const [name, group] of this.groups) {
      let cpuSeconds = 0;
      for (const [pid, cpu] of group.last) cpuSeconds += cpu - (group.baseline.get(pid) ?? 0);
      figures[name] = {
        cpuPercent: elapsedSeconds > 0 ? round((cpuSeconds / elapsedSeconds) * 100) : 0,
        cpuSeconds: round(cpuSeconds, 2),
        peakPssMb: round(group.peakPssBytes / 1024 / 1024),
      };
    }
    return figures;
  }

  private sample(): void {
    for (const group of this.groups.values()) {
      let rssBytes = 0;
      for (const pid of group.pids()) {
        const reading = read(pid);
        if (!reading) continue;
        group.last.set(pid, reading.cpuSeconds);
        rssBytes += reading.rssBytes;
      }
      group.peakPssBytes = Math.max(group.peakPssBytes, rssBytes);
    }
  }
}

function read(pid: number): Reading | null {
  try {
    const fields = statFields(pid);
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    return { cpuSeconds, rssBytes: proportionalBytes(pid) };
  } catch {
    return null;
  }
}

function proportionalBytes(pid: number): number {
  try {
    const kilobytes = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    if (kilobytes) return Number(kilobytes) * 1024;
  } catch {
    // older kernels: resident pages instead
  }
  return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
}

/** The fields of /proc/<pid>/stat after the command name (state first, then the parent's pid). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** A process and every process whose parent it is (a Postgres postmaster and its backends). */
export function processTree(rootPid: number): () => number[] {
  return () => {
    const children: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (Number(statFields(Number(entry))[1]) === rootPid) children.push(Number(entry));
      } catch {
        // gone between the listing and the read
      }
    }
    return [rootPid, ...children];
  };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
