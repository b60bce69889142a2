// The one map of queues, job names, payloads and results: a producer cannot send what its processor
// does not expect, and a caller waiting for a job's result gets the type the processor returns.
import { createHash } from 'node:crypto';
import type { ChainRun, ChainSpec } from '@hopwatch/domain';

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

/**
 * A slot picked up too late is recorded as missed instead of probed. Only a run-now check carries its run back
 * (`run` is null otherwise): a scheduled run is stored in Postgres, and a copy in Redis would cost on every check.
 */
export type CheckJobOutcome = { missed: true } | { missed: false; run: ChainRun | null };

/** Scheduled checks of one region due in the same tick, run together: one queue job instead of one per site. */
export type CheckBatchJob = { region: string; checks: CheckJob[] };

/** How many of the batch's checks ran and how many were recorded as missed. */
export type CheckBatchOutcome = { checked: number; missed: number };

export type NotifyJob = { deliveryId: string };

/** The queues: `checks` is one queue per region (`checks-<region>`), `notifications` is shared. */
export type QueueKind = 'checks' | 'notifications';

export type Jobs = {
  'check.run': { queue: 'checks'; payload: CheckJob; result: CheckJobOutcome };
  'check.batch': { queue: 'checks'; payload: CheckBatchJob; result: CheckBatchOutcome };
  'notify.deliver': { queue: 'notifications'; payload: NotifyJob; result: void };
};

export type JobName = keyof Jobs;
export type JobPayload<K extends JobName> = Jobs[K]['payload'];
export type JobResult<K extends JobName> = Jobs[K]['result'];
/** The job names a queue carries. */
export type JobsOn<Q extends QueueKind> = { [K in JobName]: Jobs[K]['queue'] extends Q ? K : never }[JobName];

/** The same map at run time, so a worker can check at boot that each job of its queues has one handler. */
export const JOB_QUEUES: { readonly [K in JobName]: Jobs[K]['queue'] } = {
  'check.run': 'checks',
  'check.batch': 'checks',
  'notify.deliver': 'notifications',
};

export const NOTIFICATIONS_QUEUE = 'notifications';

/** BullMQ refuses ':' in queue names and custom job ids, hence '-'. */
export function checksQueueName(region: string): string {
  return `checks-${region}`;
}

/** The BullMQ queue a process of `region` uses for a kind of queue. */
export function queueNameFor(kind: QueueKind, region: string): string {
  return kind === 'checks' ? checksQueueName(region) : NOTIFICATIONS_QUEUE;
}

export function jobNamesOn(kind: QueueKind): JobName[] {
  return (Object.keys(JOB_QUEUES) as JobName[]).filter((name) => JOB_QUEUES[name] === kind);
}

/** A run-now check is one job of its own (scheduled checks travel in batches). */
export function runNowJobId(job: Pick<CheckJob, 'siteId' | 'region' | 'slot'>): string {
  return `${job.siteId}-${job.region}-manual-${job.slot}`;
}

/** A region's scheduled checks cut into batches of `size`, in the order given. */
export function checkBatches(region: string, checks: CheckJob[], size: number): CheckBatchJob[] {
  const batches: CheckBatchJob[] = [];
  for (let start = 0; start < checks.length; start += size) batches.push({ region, checks: checks.slice(start, start + size) });
  return batches;
}

/**
 * Named after its checks, so the same batch enqueued twice (a scheduler that died before committing its claim,
 * a re-enqueue after Redis lost its data) is one job.
 */
export function checkBatchJobId(batch: CheckBatchJob): string {
  const digest = createHash('sha1');
  for (const check of batch.checks) digest.update(`${check.siteId}:${check.slot};`);
  return `batch-${batch.region}-${digest.digest('hex').slice(0, 24)}`;
}
