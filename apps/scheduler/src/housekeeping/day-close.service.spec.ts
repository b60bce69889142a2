import { Logger } from '@nestjs/common';
import type { DayCloseRepository } from '@hopwatch/db';
import type { HopwatchConfig } from '@hopwatch/platform';
import type { DependencyMonitor } from '@hopwatch/runtime';
import type { LeaderLock } from '../tick/leader.lock';
import { DayCloseService } from './day-close.service';

const D = 86_400;
const DAY = Date.UTC(2024, 0, 31) / 1000;

function service({ leading = true, closedBefore = DAY, busy = false, dirty = [0] }: { leading?: boolean; closedBefore?: number; busy?: boolean; dirty?: number[] } = {}) {
  let daysClosedBefore = closedBefore;
  const closeDay = jest.fn(async (day: number) => {
    daysClosedBefore = day + D;
    return true;
  });
  const dirtyRounds = [...dirty];
  const repository = {
    progress: jest.fn(async () => ({ daysClosedBefore, hourlyKeptSince: -Infinity })),
    transactionsBegunBefore: jest.fn(async (_instant: number) => busy),
    closeDay,
    rebuildDirtyDays: jest.fn(async () => dirtyRounds.shift() ?? 0),
    keepHourlySince: jest.fn(async () => undefined),
  };
  const leader = { isLeading: () => leading } as LeaderLock;
  const dependencies = { explains: async () => false } as unknown as DependencyMonitor;
  const config = { hourlyRollupDays: 32 } as HopwatchConfig;
  return { repository, days: new DayCloseService(leader, repository as unknown as DayCloseRepository, dependencies, config) };
}

describe('day close service', () => {
  it('closes each ended day in order, two minutes after its end, then rebuilds dirty days and moves the hourly limit', async () => {
    const { days, repository } = service({ closedBefore: DAY - 2 * D, dirty: [500, 500, 12] });
    const run = await days.runOnce((DAY + 120) * 1000);
    expect(repository.closeDay.mock.calls.map((call) => call[0])).toEqual([DAY - 2 * D, DAY - D]);
    expect(repository.transactionsBegunBefore.mock.calls.map((call) => call[0])).toEqual([DAY - D, DAY]);
    expect(run).toEqual({ daysClosed: 2, dirtyDaysRebuilt: 1_012, waitingForWrites: false });
    expect(repository.keepHourlySince).toHaveBeenCalledWith(DAY - 32 * D);
  });

  it('leaves a day open during its first two minutes after midnight', async () => {
    const { days, repository } = service({ closedBefore: DAY - D });
    expect(await days.runOnce((DAY + 119) * 1000)).toMatchObject({ daysClosed: 0 });
    expect(repository.closeDay).not.toHaveBeenCalled();
  });

  it('waits while a transaction that began before the end of the day still runs, and says so once', async () => {
    const { days, repository } = service({ closedBefore: DAY - D, busy: true });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      expect(await days.runOnce((DAY + 600) * 1000)).toMatchObject({ daysClosed: 0, waitingForWrites: true });
      expect(await days.runOnce((DAY + 660) * 1000)).toMatchObject({ daysClosed: 0, waitingForWrites: true });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toBe('closing 2024-01-30 waits for a transaction that began before its end');
    } finally {
      warn.mockRestore();
    }
    expect(repository.closeDay).not.toHaveBeenCalled();
    expect(repository.rebuildDirtyDays).toHaveBeenCalled();
  });

  it('leaves the work to the leader', async () => {
    const { days, repository } = service({ leading: false, closedBefore: DAY - 5 * D });
    expect(await days.runOnce((DAY + 600) * 1000)).toBeNull();
    expect(repository.progress).not.toHaveBeenCalled();
    expect(repository.keepHourlySince).not.toHaveBeenCalled();
  });
});
