import type { DayCloseRepository, ResultPartitionRepository, RetentionRepository } from '@hopwatch/db';
import type { HopwatchConfig } from '@hopwatch/platform';
import type { LeaderLock } from '../tick/leader.lock';
import { RetentionService } from './retention.service';

function service(leading: boolean, purgeBoundary: number | null = Date.UTC(2024, 0, 30) / 1000) {
  const ensureDays = jest.fn().mockResolvedValue([1]);
  const dropDaysBefore = jest.fn().mockResolvedValue([1, 2]);
  const deleteUnpartitionedBefore = jest.fn().mockResolvedValue(12);
  const deleteHourlyRollupsBefore = jest.fn().mockResolvedValue(48);
  const leader = { isLeading: () => leading } as LeaderLock;
  const partitions = { ensureDays, dropDaysBefore } as unknown as ResultPartitionRepository;
  const retention = { deleteUnpartitionedBefore, deleteHourlyRollupsBefore } as unknown as RetentionRepository;
  const dayClose = { hourlyPurgeBoundary: jest.fn().mockResolvedValue(purgeBoundary) } as unknown as DayCloseRepository;
  const config = { retentionDays: 30, hourlyRollupDays: 32 } as HopwatchConfig;
  return { ensureDays, dropDaysBefore, deleteUnpartitionedBefore, deleteHourlyRollupsBefore, retention: new RetentionService(leader, partitions, retention, dayClose, config) };
}

describe('retention service', () => {
  it('creates today and the next three days, drops days older than HOPWATCH_RETENTION_DAYS, purges stray rows and old hourly rollups, when this scheduler leads', async () => {
    const { retention, ensureDays, dropDaysBefore, deleteUnpartitionedBefore, deleteHourlyRollupsBefore } = service(true);
    const now = Date.UTC(2024, 0, 31, 12, 0, 0, 500);
    expect(await retention.runOnce(now)).toEqual({ partitionsCreated: 1, partitionsDropped: 2, unpartitionedPurged: 12, hourlyRollupsPurged: 48 });
    expect(deleteHourlyRollupsBefore).toHaveBeenCalledWith(Date.UTC(2023, 11, 30) / 1000, expect.objectContaining({ stopping: expect.any(Function) }));
    expect(ensureDays).toHaveBeenCalledWith(Math.floor(now / 1000), 4);
    expect(dropDaysBefore).toHaveBeenCalledWith(Date.UTC(2024, 0, 1, 12) / 1000);
    expect(deleteUnpartitionedBefore).toHaveBeenCalledWith(Date.UTC(2024, 0, 1, 12) / 1000, expect.objectContaining({ stopping: expect.any(Function) }));
  });

  it('purges hourly rollups only up to where the day close has let them go, and not at all while writes that read an older limit run', async () => {
    const now = Date.UTC(2024, 0, 31, 12);
    const early = service(true, Date.UTC(2023, 11, 1) / 1000);
    await early.retention.runOnce(now);
    expect(early.deleteHourlyRollupsBefore).toHaveBeenCalledWith(Date.UTC(2023, 11, 1) / 1000, expect.anything());
    for (const boundary of [null, -Infinity]) {
      const waiting = service(true, boundary);
      expect((await waiting.retention.runOnce(now))?.hourlyRollupsPurged).toBe(0);
      expect(waiting.deleteHourlyRollupsBefore).not.toHaveBeenCalled();
    }
  });

  it('leaves housekeeping to the leader when another scheduler leads', async () => {
    const { retention, ensureDays, dropDaysBefore, deleteUnpartitionedBefore } = service(false);
    expect(await retention.runOnce()).toBeNull();
    expect(ensureDays).not.toHaveBeenCalled();
    expect(dropDaysBefore).not.toHaveBeenCalled();
    expect(deleteUnpartitionedBefore).not.toHaveBeenCalled();
  });
});
