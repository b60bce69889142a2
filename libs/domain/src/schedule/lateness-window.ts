// How late checks start compared with their slot, over a sliding window: the figure that tells a fleet has
// outgrown its workers before slots start to be missed.

export type LatenessFigures = {
  /** Checks that started within the window. */
  checks: number;
  /** 99th percentile of their lateness; 0 when none started. */
  p99Seconds: number;
  maxSeconds: number;
};

export type LatenessVerdict = LatenessFigures & {
  behind: boolean;
  /** When the current spell of running behind began (ms since the epoch); null when not behind. */
  behindSince: number | null;
  /** Set on the evaluation where the state flips, so each spell is reported once at each end. */
  change: { to: 'behind' } | { to: 'caught-up'; afterMs: number } | null;
};

type Slice = { startMs: number; samples: number[]; seen: number };

const SLICES = 6;
/** Enough to keep the 99th percentile honest at any rate without holding every sample of a busy minute. */
const SAMPLES_PER_SLICE = 5_000;

export class LatenessWindow {
  private slices: Slice[] = [];
  private behindSince: number | null = null;

  constructor(private readonly windowMs: number, private readonly thresholdSeconds: number) {}

  record(nowMs: number, latenessSeconds: number): void {
    const slice = this.currentSlice(nowMs);
    const value = Math.max(0, latenessSeconds);
    // Past the cap a slice keeps its latest samples, as a ring.
    slice.samples[slice.seen % SAMPLES_PER_SLICE] = value;
    slice.seen += 1;
  }

  /** The figures of the window ending now, and whether that is behind (p99 over the threshold). */
  evaluate(nowMs: number): LatenessVerdict {
    this.slices = this.slices.filter((slice) => slice.startMs > nowMs - this.windowMs);
    const figures = {
      ...latenessFigures(this.slices.flatMap((slice) => slice.samples)),
      checks: this.slices.reduce((total, slice) => total + slice.seen, 0),
    };
    const behind = figures.p99Seconds > this.thresholdSeconds;
    const wasBehindSince = this.behindSince;
    let change: LatenessVerdict['change'] = null;
    if (behind && wasBehindSince === null) {
      this.behindSince = nowMs;
      change = { to: 'behind' };
    } else if (!behind && wasBehindSince !== null) {
      this.behindSince = null;
      change = { to: 'caught-up', afterMs: nowMs - wasBehindSince };
    }
    return { ...figures, behind, behindSince: this.behindSince, change };
  }

  private currentSlice(nowMs: number): Slice {
    const sliceMs = this.windowMs / SLICES;
    const startMs = Math.floor(nowMs / sliceMs) * sliceMs;
    const last = this.slices[this.slices.length - 1];
    if (last?.startMs === startMs) return last;
    const slice = { startMs, samples: [], seen: 0 };
    this.slices.push(slice);
    return slice;
  }
}

export function latenessFigures(samples: readonly number[]): LatenessFigures {
  if (samples.length === 0) return { checks: 0, p99Seconds: 0, maxSeconds: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1);
  return { checks: samples.length, p99Seconds: sorted[rank], maxSeconds: sorted[sorted.length - 1] };
}
