// The one map of queues, job names and payloads: a producer cannot send what its processor does not expect.
import type { ChainSpec } from '@hopwatch/domain';

export type CheckJob = {
  siteId: string;
  region: string;
  /** Epoch seconds of the slot; a run-now check uses the second it was asked for. */
  slot: number;
  intervalSeconds: number;
  spec: ChainSpec;
  /** Set for `POST /sites/:id/check`: the caller waits for the results. */
  manual?: boolean;
};

export type NotifyJob = { deliveryId: string };

export type Jobs = {
  'check.run': CheckJob;
  'notify.deliver': NotifyJob;
};

export const NOTIFICATIONS_QUEUE = 'notifications';

export type JobName = keyof Jobs;

/** BullMQ refuses ':' in queue names and custom job ids, hence '-'. */
export function checksQueueName(region: string): string {
  return `checks-${region}`;
}

export function checkJobId(job: Pick<CheckJob, 'siteId' | 'region' | 'slot' | 'manual'>): string {
  return job.manual ? `${job.siteId}-${job.region}-manual-${job.slot}` : `${job.siteId}-${job.region}-${job.slot}`;
}
