// How a time range is answered: whole UTC days from daily rollups, whole hours from hourly rollups, and
// the partial hours at its edges from raw results, as long as raw results of that time are still kept.
// An edge older than that is widened to its whole hour instead. The split depends only on the range and
// the retention horizon, never on which rows happen to exist, so purging raw results changes no answer.
// Hourly rollups are kept for a bounded time too: hours older than that are answered from the daily rollups
// of their whole days, so such a range widens to whole days.

export const HOUR_SECONDS = 3_600;
export const DAY_SECONDS = 86_400;

export const UPTIME_WINDOWS = {
  '24h': DAY_SECONDS,
  '7d': 7 * DAY_SECONDS,
  '30d': 30 * DAY_SECONDS,
  '90d': 90 * DAY_SECONDS,
  '365d': 365 * DAY_SECONDS,
} as const;
export type UptimeWindow = keyof typeof UPTIME_WINDOWS;

export const MAX_RANGE_SECONDS = 366 * DAY_SECONDS;

/** Series bucket sizes, each with the longest range it may cover so a chart has at most ~750 points. */
export const SERIES_BUCKETS = {
  '5m': { seconds: 300, maxRangeSeconds: 2 * DAY_SECONDS },
  '1h': { seconds: HOUR_SECONDS, maxRangeSeconds: 31 * DAY_SECONDS },
  '1d': { seconds: DAY_SECONDS, maxRangeSeconds: MAX_RANGE_SECONDS },
} as const;
export type SeriesBucket = keyof typeof SERIES_BUCKETS;

/** Epoch seconds, half-open: from ≤ slot < to. Empty when from ≥ to. */
export type TimeRange = { from: number; to: number };

export type RangePlan = {
  /** The range answered: the one asked, or widened to whole hours at an edge older than raw retention. */
  from: number;
  to: number;
  daily: TimeRange;
  /** Before and after the daily part. */
  hourly: [TimeRange, TimeRange];
  /** The partial hours at the head and the tail. */
  raw: [TimeRange, TimeRange];
};

const EMPTY: TimeRange = { from: 0, to: 0 };

function range(from: number, to: number): TimeRange {
  return from < to ? { from, to } : EMPTY;
}

export function floorTo(epochSeconds: number, stepSeconds: number): number {
  return epochSeconds - (((epochSeconds % stepSeconds) + stepSeconds) % stepSeconds);
}

export function ceilTo(epochSeconds: number, stepSeconds: number): number {
  const floored = floorTo(epochSeconds, stepSeconds);
  return floored === epochSeconds ? floored : floored + stepSeconds;
}

/** The oldest hour whose hourly rollup is certainly still kept: the purge removes whole UTC days before it. */
export function hourlyRollupsSince(now: number, hourlyRollupDays: number): number {
  return floorTo(now - hourlyRollupDays * DAY_SECONDS, DAY_SECONDS);
}

/**
 * `rawSince`: the oldest slot whose raw results are certainly still stored (now − retention); `hourlySince`:
 * the oldest hour whose hourly rollup is (see hourlyRollupsSince).
 */
export function planRange(from: number, to: number, rawSince: number, hourlySince = -Infinity): RangePlan {
  return withoutPurgedHours(planFromHours(from, to, rawSince), hourlySince);
}

function planFromHours(from: number, to: number, rawSince: number): RangePlan {
  if (from >= to) return { from, to, daily: EMPTY, hourly: [EMPTY, EMPTY], raw: [EMPTY, EMPTY] };
  const firstWholeHour = ceilTo(from, HOUR_SECONDS);
  const lastWholeHourEnd = floorTo(to, HOUR_SECONDS);
  if (firstWholeHour > lastWholeHourEnd) {
    // Inside one hour: all raw, or the whole hour.
    if (from >= rawSince) return { from, to, daily: EMPTY, hourly: [EMPTY, EMPTY], raw: [{ from, to }, EMPTY] };
    const hour = { from: floorTo(from, HOUR_SECONDS), to: ceilTo(to, HOUR_SECONDS) };
    return { ...hour, daily: EMPTY, hourly: [hour, EMPTY], raw: [EMPTY, EMPTY] };
  }
  const headFromRaw = from === firstWholeHour || from >= rawSince;
  const tailFromRaw = to === lastWholeHourEnd || lastWholeHourEnd >= rawSince;
  const hoursFrom = headFromRaw ? firstWholeHour : floorTo(from, HOUR_SECONDS);
  const hoursTo = tailFromRaw ? lastWholeHourEnd : ceilTo(to, HOUR_SECONDS);
  const effective = { from: headFromRaw ? from : hoursFrom, to: tailFromRaw ? to : hoursTo };
  const raw: [TimeRange, TimeRange] = [headFromRaw ? range(from, firstWholeHour) : EMPTY, tailFromRaw ? range(lastWholeHourEnd, to) : EMPTY];
  const firstWholeDay = ceilTo(hoursFrom, DAY_SECONDS);
  const lastWholeDayEnd = floorTo(hoursTo, DAY_SECONDS);
  if (firstWholeDay >= lastWholeDayEnd) {
    return { ...effective, daily: EMPTY, hourly: [range(hoursFrom, hoursTo), EMPTY], raw };
  }
  return {
    ...effective,
    daily: range(firstWholeDay, lastWholeDayEnd),
    hourly: [range(hoursFrom, firstWholeDay), range(lastWholeDayEnd, hoursTo)],
    raw,
  };
}

/** Hourly parts older than `hourlySince` become the whole days around them, from daily rollups. */
function withoutPurgedHours(plan: RangePlan, hourlySince: number): RangePlan {
  const purged = plan.hourly.filter((part) => part.from < part.to && part.from < hourlySince);
  if (purged.length === 0) return plan;
  const days = [plan.daily, ...purged].filter((part) => part.from < part.to);
  const daily = range(floorTo(Math.min(...days.map((part) => part.from)), DAY_SECONDS), ceilTo(Math.max(...days.map((part) => part.to)), DAY_SECONDS));
  // Every other part is whole hours, so it lies either inside the widened days or outside them.
  const outsideDaily = (part: TimeRange): TimeRange => (part.from >= daily.from && part.to <= daily.to ? EMPTY : part);
  return {
    from: Math.min(plan.from, daily.from),
    to: Math.max(plan.to, daily.to),
    daily,
    hourly: [outsideDaily(plan.hourly[0]), outsideDaily(plan.hourly[1])],
    raw: [outsideDaily(plan.raw[0]), outsideDaily(plan.raw[1])],
  };
}

/** Bucket starts of a series: from `from` rounded down to the bucket, up to (not including) `to`. */
export function seriesBucketStarts(from: number, to: number, bucketSeconds: number): number[] {
  const starts: number[] = [];
  for (let start = floorTo(from, bucketSeconds); start < to; start += bucketSeconds) starts.push(start);
  return starts;
}
