import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayload, JobResult } from './jobs';

export const ON_JOB = Symbol('hopwatch:on-job');

export type JobHandler<K extends JobName> = (job: Job<JobPayload<K>, JobResult<K>, K>) => Promise<JobResult<K>>;

/**
 * Declares the method that processes one job name. The method's type must match the job map, and at boot
 * the process refuses to start when a job of a queue it consumes has no handler or two.
 */
export function OnJob<K extends JobName>(name: K) {
  return (target: object, key: string | symbol, descriptor: { value?: JobHandler<K> }): void => {
    SetMetadata(ON_JOB, name)(target, key, descriptor as PropertyDescriptor);
  };
}
