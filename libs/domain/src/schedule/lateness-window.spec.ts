import { latenessFigures, LatenessWindow } from './lateness-window';

describe('latenessFigures', () => {
  it.each([
    { samples: [], expected: { checks: 0, p99Seconds: 0, maxSeconds: 0 } },
    { samples: [0.2], expected: { checks: 1, p99Seconds: 0.2, maxSeconds: 0.2 } },
    { samples: [...Array(99).fill(0.1), 30], expected: { checks: 100, p99Seconds: 0.1, maxSeconds: 30 } },
    { samples: [...Array(98).fill(0.1), 7, 30], expected: { checks: 100, p99Seconds: 7, maxSeconds: 30 } },
  ])('$samples.length samples → p99 $expected.p99Seconds s', ({ samples, expected }) => {
    expect(latenessFigures(samples)).toEqual(expected);
  });
});

describe('LatenessWindow', () => {
  const WINDOW_MS = 30_000;
  const feed = (window: LatenessWindow, fromMs: number, toMs: number, lateness: number) => {
    for (let at = fromMs; at < toMs; at += 100) window.record(at, lateness);
  };

  it('turns behind once when the p99 passes the threshold, and reports the catch-up once with its duration', () => {
    const window = new LatenessWindow(WINDOW_MS, 5);
    feed(window, 0, 30_000, 0.3);
    expect(window.evaluate(30_000)).toMatchObject({ behind: false, change: null, p99Seconds: 0.3 });
    feed(window, 30_000, 60_000, 8);
    expect(window.evaluate(60_000)).toMatchObject({ behind: true, behindSince: 60_000, change: { to: 'behind' }, p99Seconds: 8 });
    feed(window, 60_000, 70_000, 9);
    expect(window.evaluate(70_000)).toMatchObject({ behind: true, behindSince: 60_000, change: null });
    feed(window, 70_000, 110_000, 0.2);
    expect(window.evaluate(110_000)).toMatchObject({ behind: false, behindSince: null, change: { to: 'caught-up', afterMs: 50_000 } });
    expect(window.evaluate(111_000).change).toBeNull();
  });

  it('forgets samples older than the window', () => {
    const window = new LatenessWindow(WINDOW_MS, 5);
    feed(window, 0, 10_000, 60);
    expect(window.evaluate(10_000).behind).toBe(true);
    expect(window.evaluate(45_000)).toMatchObject({ checks: 0, behind: false, change: { to: 'caught-up', afterMs: 35_000 } });
  });

  it('keeps a bounded sample per slice at any rate, counts every check, and still sees a tail of 2 %', () => {
    const window = new LatenessWindow(WINDOW_MS, 5);
    for (let index = 0; index < 200_000; index += 1) window.record(1_000 + (index % 4_000), index % 50 === 0 ? 20 : 0.1);
    const verdict = window.evaluate(5_000);
    expect(verdict).toMatchObject({ checks: 200_000, behind: true, p99Seconds: 20 });
  });
});
