// Samples CPU time of processes from /proc once a second, and their memory every tenth second. A group is a set of
// processes found anew at every sample (a Postgres server's backends come and go): its CPU is the sum of what each
// of them used while it was seen, its memory the peak of their summed proportional set size (PSS), which counts
// memory the processes share (Postgres's shared buffers) once, not once per backend.
// PSS is costly to read: the kernel walks every mapping of the process, 17-26 ms for a busy hopwatch process with
// V8's large reservations, under that process's memory lock. Read every second for every process, it took about 8 %
// of a core from the box being measured, and stalled the processes it read.
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100;
const PAGE_BYTES = 4096;
const SAMPLE_MS = 1_000;
const SAMPLES_PER_MEMORY_READING = 10;

type Group = {
  pids: () => number[];
  baseline: Map<number, number>;
  last: Map<number, number>;
  peakPssBytes: number;
  /** The group's CPU seconds since the start at each checkpoint, with the time it was taken. */
  checkpoints: Array<{ atMs: number; cpuSeconds: number }>;
};

/** `cpuPercentByInterval`: the CPU of each stretch between checkpoints (the bench calls one per interval), the last up to the stop. */
export type ProcessFigures = { cpuPercent: number; cpuSeconds: number; peakPssMb: number; cpuPercentByInterval: number[] };

export class ProcessSampler {
  private readonly groups = new Map<string, Group>();
  private timer: NodeJS.Timeout | null = null;
  private startedAtMs = 0;
  private samples = 0;

  /** `processes`: a pid, or a function that lists the pids of a group now. */
  constructor(processes: Record<string, number | (() => number[])>) {
    for (const [name, source] of Object.entries(processes)) {
      const pids = typeof source === 'number' ? () => [source] : source;
      this.groups.set(name, { pids, baseline: new Map(), last: new Map(), peakPssBytes: 0, checkpoints: [] });
    }
  }

  start(): void {
    this.startedAtMs = Date.now();
    // What a process had used before the run is not the run's.
    for (const group of this.groups.values()) {
      for (const pid of group.pids()) {
        const cpuSeconds = cpuSecondsOf(pid);
        if (cpuSeconds !== null) group.baseline.set(pid, cpuSeconds);
      }
    }
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
    this.sample();
  }

  /** Ends one part of the run (an interval of the bench): its CPU is reported on its own. */
  checkpoint(): void {
    this.sample(false);
    for (const group of this.groups.values()) group.checkpoints.push({ atMs: Date.now(), cpuSeconds: usedSince(group) });
  }

  stop(): Record<string, ProcessFigures> {
    if (this.timer) clearInterval(this.timer);
    this.sample(true);
    const stoppedAtMs = Date.now();
    const elapsedSeconds = (stoppedAtMs - this.startedAtMs) / 1000;
    const figures: Record<string, ProcessFigures> = {};
    for (const [name, group] of this.groups) {
      const cpuSeconds = usedSince(group);
      const ends = [...group.checkpoints, { atMs: stoppedAtMs, cpuSeconds }];
      const cpuPercentByInterval = ends.map((end, index) => {
        const start = index === 0 ? { atMs: this.startedAtMs, cpuSeconds: 0 } : ends[index - 1];
        return end.atMs > start.atMs ? round(((end.cpuSeconds - start.cpuSeconds) / ((end.atMs - start.atMs) / 1000)) * 100) : 0;
      });
      figures[name] = {
        cpuPercent: elapsedSeconds > 0 ? round((cpuSeconds / elapsedSeconds) * 100) : 0,
        cpuSeconds: round(cpuSeconds, 2),
        peakPssMb: round(group.peakPssBytes / 1024 / 1024),
        cpuPercentByInterval,
      };
    }
    return figures;
  }

  private sample(withMemory = this.samples % SAMPLES_PER_MEMORY_READING === 0): void {
    this.samples++;
    for (const group of this.groups.values()) {
      let pssBytes = 0;
      for (const pid of group.pids()) {
        const cpuSeconds = cpuSecondsOf(pid);
        if (cpuSeconds === null) continue;
        group.last.set(pid, cpuSeconds);
        if (withMemory) pssBytes += proportionalBytes(pid) ?? 0;
      }
      group.peakPssBytes = Math.max(group.peakPssBytes, pssBytes);
    }
  }
}

/** CPU seconds the group's processes used since the start, each as of its last sample. */
function usedSince(group: Group): number {
  let cpuSeconds = 0;
  for (const [pid, cpu] of group.last) cpuSeconds += cpu - (group.baseline.get(pid) ?? 0);
  return cpuSeconds;
}

function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = statFields(pid);
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Null when the process is gone. */
function proportionalBytes(pid: number): number | null {
  try {
    const kilobytes = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    if (kilobytes) return Number(kilobytes) * 1024;
  } catch {
    // older kernels, or gone: resident pages instead
  }
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
  } catch {
    return null;
  }
}

/** The fields of /proc/<pid>/stat after the command name (state first, then the parent's pid). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** A process and all its descendants (a Postgres postmaster and its backends; nginx under runuser and its worker). */
export function processTree(rootPid: number): () => number[] {
  return () => {
    const children = new Map<number, number[]>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const parent = Number(statFields(Number(entry))[1]);
        const siblings = children.get(parent);
        if (siblings) siblings.push(Number(entry));
        else children.set(parent, [Number(entry)]);
      } catch {
        // gone between the listing and the read
      }
    }
    const tree = [rootPid];
    for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]) ?? []));
    return tree;
  };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
