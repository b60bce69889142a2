// When failures become an incident and when it is over: DESIGN §4 "Detection defaults", overridable per site.

export type DetectionOptions = {
  /** Consecutive failed entry checks in a region that open an incident. */
  confirmations: number;
  /** Consecutive successes in every region that resolve it. */
  recoveries: number;
  /** How many recent entry checks per region the rate rule looks at. */
  rateWindow: number;
  /** Share of `rateWindow` that failed with a gateway status and opens an incident (sporadic 502s never repeat twice). */
  rateThreshold: number;
  /** Statuses the rate rule counts: 502/503/504 and Cloudflare's 52x/530 family of them. */
  gatewayStatuses: readonly number[];
  /** More than this many open/resolve flips inside `flapWindowMs` is flapping. */
  flapLimit: number;
  flapWindowMs: number;
  /** Inner-hop latency must reach this multiple of its baseline to count as a rise. */
  overloadLatencyFactor: number;
  /** … and rise by at least this much. */
  overloadMinRiseMs: number;
  /** Successful checks before the error onset needed for a baseline. */
  overloadMinBaselineSamples: number;
  /** This many successes in a row end an episode: failures further back belong to an earlier one. */
  episodeQuietChecks: number;
  /** Failing now, and at least this share of the checks since the episode's onset failed: persistent. */
  persistentShare: number;
  /** … or this many failures in a row, whatever came before: a stray earlier failure cannot hide an outage for long. */
  persistentStreak: number;
  /** A deploy window is a burst of at most this many failed checks … */
  deployWindowMaxChecks: number;
  /** … spanning at most this many seconds. */
  deployWindowMaxSeconds: number;
};

export const DEFAULT_DETECTION: DetectionOptions = {
  confirmations: 2,
  recoveries: 2,
  rateWindow: 10,
  rateThreshold: 0.2,
  gatewayStatuses: [502, 503, 504, 520, 521, 522, 523, 524, 525, 526, 530],
  flapLimit: 4,
  flapWindowMs: 60 * 60 * 1000,
  overloadLatencyFactor: 2,
  overloadMinRiseMs: 100,
  overloadMinBaselineSamples: 3,
  episodeQuietChecks: 10,
  persistentShare: 0.9,
  persistentStreak: 10,
  deployWindowMaxChecks: 5,
  deployWindowMaxSeconds: 600,
};

export function detectionOptions(overrides: Partial<DetectionOptions> = {}): DetectionOptions {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_DETECTION, ...defined };
}

/** Failures among `rateWindow` checks that reach `rateThreshold` (2 of 10 by default). */
export function rateFailuresNeeded(options: DetectionOptions): number {
  return Math.max(1, Math.ceil(options.rateThreshold * options.rateWindow - 1e-9));
}
