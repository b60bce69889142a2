import { hourlyRollupsSince, planRange, seriesBucketStarts } from './history-range';

const H = 3_600;
const D = 86_400;
// Midnight UTC, so hours and days of the cases line up with the rollups' buckets.
const DAY0 = 1_699_920_000;
const none = { from: 0, to: 0 };

describe('planRange', () => {
  it('answers a range inside one hour from raw results', () => {
    expect(planRange(DAY0 + 600, DAY0 + 1_200, DAY0)).toEqual({
      from: DAY0 + 600,
      to: DAY0 + 1_200,
      daily: none,
      hourly: [none, none],
      raw: [{ from: DAY0 + 600, to: DAY0 + 1_200 }, none],
    });
  });

  it('answers whole hours from hourly rollups and the partial hours at the edges from raw', () => {
    expect(planRange(DAY0 + 1_800, DAY0 + 3 * H + 900, DAY0)).toEqual({
      from: DAY0 + 1_800,
      to: DAY0 + 3 * H + 900,
      daily: none,
      hourly: [{ from: DAY0 + H, to: DAY0 + 3 * H }, none],
      raw: [
        { from: DAY0 + 1_800, to: DAY0 + H },
        { from: DAY0 + 3 * H, to: DAY0 + 3 * H + 900 },
      ],
    });
  });

  it('answers whole days from daily rollups with hours on either side', () => {
    const plan = planRange(DAY0 + 22 * H, DAY0 + 3 * D + 2 * H + 60, DAY0);
    expect(plan.daily).toEqual({ from: DAY0 + D, to: DAY0 + 3 * D });
    expect(plan.hourly).toEqual([
      { from: DAY0 + 22 * H, to: DAY0 + D },
      { from: DAY0 + 3 * D, to: DAY0 + 3 * D + 2 * H },
    ]);
    expect(plan.raw).toEqual([none, { from: DAY0 + 3 * D + 2 * H, to: DAY0 + 3 * D + 2 * H + 60 }]);
  });

  it('widens an edge older than raw retention to its whole hour', () => {
    const plan = planRange(DAY0 + 1_800, DAY0 + 2 * D + 900, DAY0 + D);
    expect(plan.from).toBe(DAY0);
    expect(plan.to).toBe(DAY0 + 2 * D + 900);
    expect(plan.daily).toEqual({ from: DAY0, to: DAY0 + 2 * D });
    expect(plan.hourly).toEqual([none, none]);
    expect(plan.raw).toEqual([none, { from: DAY0 + 2 * D, to: DAY0 + 2 * D + 900 }]);
  });

  it('widens both edges of an old range that ends inside an hour', () => {
    const plan = planRange(DAY0 + 600, DAY0 + 1_200, DAY0 + D);
    expect(plan).toMatchObject({ from: DAY0, to: DAY0 + H, hourly: [{ from: DAY0, to: DAY0 + H }, none], raw: [none, none] });
  });

  it('covers every second of the range exactly once', () => {
    const cases = [
      [DAY0 + 17, DAY0 + 95 * D + 5 * H + 33, DAY0 + 60 * D],
      [DAY0 + 17, DAY0 + 95 * D + 5 * H + 33, DAY0],
      [DAY0 + 5 * H, DAY0 + 6 * H, DAY0],
      [DAY0, DAY0 + 2 * D, DAY0],
    ];
    for (const [from, to, rawSince] of cases) {
      const plan = planRange(from, to, rawSince);
      const parts = [plan.daily, ...plan.hourly, ...plan.raw].filter((part) => part.to > part.from).sort((a, b) => a.from - b.from);
      expect(parts[0].from).toBe(plan.from);
      expect(parts[parts.length - 1].to).toBe(plan.to);
      for (let index = 1; index < parts.length; index++) expect(parts[index].from).toBe(parts[index - 1].to);
    }
  });

  it('widens hours older than the kept hourly rollups to their whole days, answered from daily rollups', () => {
    const plan = planRange(DAY0 + 22 * H + 900, DAY0 + 40 * D + 2 * H + 60, DAY0 + 39 * D, DAY0 + 2 * D);
    expect(plan).toEqual({
      from: DAY0,
      to: DAY0 + 40 * D + 2 * H + 60,
      daily: { from: DAY0, to: DAY0 + 40 * D },
      hourly: [none, { from: DAY0 + 40 * D, to: DAY0 + 40 * D + 2 * H }],
      raw: [none, { from: DAY0 + 40 * D + 2 * H, to: DAY0 + 40 * D + 2 * H + 60 }],
    });
  });

  it('answers a range of hours that are all gone from the daily rollups of their days', () => {
    expect(planRange(DAY0 + 3 * H, DAY0 + D + 5 * H, DAY0 + 30 * D, DAY0 + 20 * D)).toEqual({
      from: DAY0,
      to: DAY0 + 2 * D,
      daily: { from: DAY0, to: DAY0 + 2 * D },
      hourly: [none, none],
      raw: [none, none],
    });
  });

  it('keeps hours that are still kept, even when older ones of the same range are not', () => {
    const plan = planRange(DAY0 + 22 * H, DAY0 + 3 * D + 2 * H, DAY0, DAY0 + D);
    expect(plan.daily).toEqual({ from: DAY0, to: DAY0 + 3 * D });
    expect(plan.hourly).toEqual([none, { from: DAY0 + 3 * D, to: DAY0 + 3 * D + 2 * H }]);
  });

  it('counts kept hourly rollups from the start of the UTC day the purge stops at', () => {
    expect(hourlyRollupsSince(DAY0 + 40 * D + 5 * H, 32)).toBe(DAY0 + 8 * D);
  });

  it('plans nothing for an empty range', () => {
    expect(planRange(DAY0, DAY0, DAY0).raw).toEqual([none, none]);
  });
});

describe('seriesBucketStarts', () => {
  it('starts at the bucket holding `from` and stops before `to`', () => {
    expect(seriesBucketStarts(DAY0 + 1_000, DAY0 + 2 * H, H)).toEqual([DAY0, DAY0 + H]);
    expect(seriesBucketStarts(DAY0, DAY0 + 2 * H + 1, H)).toEqual([DAY0, DAY0 + H, DAY0 + 2 * H]);
  });
});
