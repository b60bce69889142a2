import { LostJobsLog, lostJobOf } from './lost-jobs-log';

describe('lostJobOf', () => {
  it.each([
    ['could not renew lock for job batch-default-7dba', 'batch-default-7dba'],
    ['Missing key for job batch-default-7dba175f350b63a7f52ad9f1. moveToDelayed', 'batch-default-7dba175f350b63a7f52ad9f1'],
    ['Missing lock for job 42. moveToFinished', '42'],
    ['Lock mismatch for job check.run.1. Cmd moveToFinished from active', 'check.run.1'],
  ])('finds the job in "%s"', (message, jobId) => {
    expect(lostJobOf(new Error(message))).toBe(jobId);
  });

  it.each([
    'Missing key for parent job bull:q:9. moveToFinished',
    'Job 7 is not in the active state. moveToDelayed',
    'NOSCRIPT No matching script',
  ])('leaves "%s" to the error log', (message) => {
    expect(lostJobOf(new Error(message))).toBeNull();
  });
});

describe('LostJobsLog', () => {
  const written: string[] = [];
  const log = () => new LostJobsLog('checks-default', 10_000, (line) => written.push(line), 5_000);

  beforeEach(() => {
    written.length = 0;
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('writes one line for a burst, counting each job once whether its renewal or its finish failed', () => {
    const lost = log();
    lost.add(['a', 'b']);
    jest.advanceTimersByTime(3_000);
    lost.add(['a']);
    lost.add(['c']);
    expect(written).toEqual([]);
    jest.advanceTimersByTime(2_000);
    expect(written).toEqual([
      'checks-default: lost 3 running job(s) (Redis lost them, or this worker was blocked for over 10000 ms); ' +
        'they are taken over or re-enqueued, and a run stored twice is refused by its unique slot',
    ]);
  });

  it('starts a new line for a later burst', () => {
    const lost = log();
    lost.add(['a']);
    jest.advanceTimersByTime(5_000);
    lost.add(['b']);
    jest.advanceTimersByTime(5_000);
    expect(written.map((line) => line.split(' (')[0])).toEqual(['checks-default: lost 1 running job(s)', 'checks-default: lost 1 running job(s)']);
  });

  it('writes nothing for an empty round, and what is pending at once on flush', () => {
    const lost = log();
    lost.add([]);
    jest.advanceTimersByTime(10_000);
    expect(written).toEqual([]);
    lost.add(['a']);
    lost.flush();
    expect(written).toHaveLength(1);
    jest.advanceTimersByTime(10_000);
    expect(written).toHaveLength(1);
  });
});
