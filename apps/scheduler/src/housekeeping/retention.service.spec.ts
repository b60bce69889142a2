import type { RetentionRepository } from '@hopwatch/db';
import type { HopwatchConfig } from '@hopwatch/platform';
import type { LeaderLock } from '../tick/leader.lock';
import { RetentionService } from './retention.service';

function service(leading: boolean) {
  const deleteRawBefore = jest.fn().mockResolvedValue(12);
  const leader = { isLeading: () => leading } as LeaderLock;
  const retention = { deleteRawBefore } as unknown as RetentionRepository;
  return { deleteRawBefore, retention: new RetentionService(leader, retention, { retentionDays: 30 } as HopwatchConfig) };
}

describe('retention service', () => {
  it('purges raw results older than HOPWATCH_RETENTION_DAYS when this scheduler leads', async () => {
    const { retention, deleteRawBefore } = service(true);
    expect(await retention.runOnce(Date.UTC(2024, 0, 31, 12, 0, 0, 500))).toBe(12);
    expect(deleteRawBefore).toHaveBeenCalledWith(Date.UTC(2024, 0, 1, 12) / 1000, expect.objectContaining({ stopping: expect.any(Function) }));
  });

  it('leaves purging to the leader when another scheduler leads', async () => {
    const { retention, deleteRawBefore } = service(false);
    expect(await retention.runOnce()).toBeNull();
    expect(deleteRawBefore).not.toHaveBeenCalled();
  });
});
